using Cooperation.Organs;
using Cooperation.Requests;

namespace Cooperation.Court;

/// <summary>Which issuing organ this service is (RPE 176(2): each transmits its own requests).</summary>
public sealed record CourtOrgan(Organ Organ, string RoutePrefix, string ReferencePrefix, IReadOnlySet<RequestKind> Kinds)
{
    /// <summary>The Registry transmits the Chambers' requests: arrest, surrender, transit, ordered assistance.</summary>
    public static readonly CourtOrgan Registry = new(
        Organ.Registry, "/registry", "REG",
        new HashSet<RequestKind>(Enum.GetValues<RequestKind>()));

    /// <summary>The Prosecutor transmits its own requests for assistance (Art 54(3), 93).</summary>
    public static readonly CourtOrgan Prosecutor = new(
        Organ.Prosecutor, "/prosecutor", "OTP",
        new HashSet<RequestKind> { RequestKind.OtherAssistance });
}
