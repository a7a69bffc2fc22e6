namespace Cooperation.Court.Register;

/// <summary>
/// States to put in an empty register at start-up (demo and test set-ups), e.g.
/// <c>Register__States=UGA,ZAF,NLD</c>. A State already registered is left as it is.
/// </summary>
public sealed class RegisterOptions
{
    public const string Section = "Register";

    public string States { get; set; } = "";
}
