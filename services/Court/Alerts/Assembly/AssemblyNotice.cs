using Cooperation.Confidentiality;
using Cooperation.Contracts.NonCompliance;
using Cooperation.Organs;

namespace Cooperation.Court.Alerts.Assembly;

/// <summary>
/// The Registry → Assembly notification about one State's entry of an alert: the State, the request's reference and
/// the visit's dates, never the request's contents (Art 87(3)). The Assembly's informal response may start before any
/// finding when a serious incident is imminent (ICC-ASP/10/Res.5 annex, as amended 2012 and 2018; exact trigger: not confirmed).
/// </summary>
internal static class AssemblyNotice
{
    public static NonCooperationNotified For(TravelAlertRecord alert, TravelAlertEntry entry, NotificationReason reason, DateTimeOffset now)
    {
        var s = entry.Snapshot;
        return new NonCooperationNotified
        {
            RequestId = entry.RequestId,
            RequestVersion = 1,
            SenderOrgan = Organ.Registry,
            Classification = alert.Classification,
            SentAt = now,
            Readers = alert.Readers,
            Reason = reason,
            CaseId = alert.Id,
            StateCode = entry.StateCode,
            RequestReference = entry.RequestReference,
            ExpectedFrom = s.ExpectedFrom,
            ExpectedUntil = s.ExpectedUntil,
            NotifiedAt = now,
        };
    }

    /// <summary>
    /// An overdue entry is notified automatically only where configured, and never for a sealed or ex parte warrant:
    /// that reaches the Assembly only when the Registry chooses to notify it (POST .../notify-assembly).
    /// </summary>
    public static bool MayNotifyAutomatically(Classification classification) =>
        classification is Classification.Public or Classification.Confidential;
}
