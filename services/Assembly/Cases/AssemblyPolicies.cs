namespace Cooperation.Assembly.Cases;

/// <summary>The Assembly service's endpoint policies (every endpoint needs scope assembly or focal-point besides).</summary>
public static class AssemblyPolicies
{
    /// <summary>The Presidency/Bureau, through the Secretariat: scope <c>assembly</c>.</summary>
    public const string Presidency = "presidency";
}
