namespace Cooperation.Requests;

public enum RequestKind
{
    /// <summary>Art 89, 91.</summary>
    ArrestAndSurrender,
    /// <summary>Art 92: urgent; the surrender request and documents follow (RPE 188: 60 days).</summary>
    ProvisionalArrest,
    /// <summary>Art 89(3).</summary>
    Transit,
    /// <summary>Art 93, 96: one of the Art 93(1) items.</summary>
    OtherAssistance,
}
