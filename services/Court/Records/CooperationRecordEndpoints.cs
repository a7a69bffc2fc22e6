using System.Globalization;
using System.Text;
using System.Text.Json;
using Cooperation.Alerts;
using Cooperation.Consultations;
using Cooperation.Court.Persistence;
using Cooperation.Deadlines;
using Cooperation.NonCompliance;
using Cooperation.Organs;
using Cooperation.Proceedings.Consultations;
using Cooperation.Proceedings.Deadlines;
using Cooperation.Requests;
using Cooperation.ServiceDefaults.Auth;
using Cooperation.ServiceDefaults.Persistence;
using Cooperation.ServiceDefaults.Problems;
using Cooperation.Validation;
using Cooperation.Court.NonCompliance;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cooperation.Court.Records;

/// <summary>
/// The cooperation record per State (issue 9 §4): requests, acknowledgements, consultations and their speed and grounds,
/// execution, denials, overdue items, matters and their outcomes, travel alerts and how they were acknowledged — JSON, or CSV (RFC 4180) for the Assembly's reporting.
/// Read by the Registry (scope registry) and by the Assembly's Presidency/Bureau and focal points (scopes assembly,
/// focal-point), who see no sealed item (<see cref="RecordView.Assembly"/>).
/// </summary>
public static class CooperationRecordEndpoints
{
    public const string CsvMediaType = "text/csv";

    public static void MapCooperationRecords(this IEndpointRouteBuilder routes)
    {
        var readers = new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser()
            .AddRequirements(new AnyScopeRequirement(Scopes.Registry, Scopes.Assembly, Scopes.FocalPoint)).Build();
        routes.MapGet("/registry/records", (HttpContext http, string? from, string? to, string? format, CourtDbContext db,
                    ConsultationServiceLevels levels, TimeProvider clock, CancellationToken ct) => RecordsAsync(http, null, from, to, format, db, levels, clock, ct))
            .RequireAuthorization(readers).Produces<CooperationRecords>(StatusCodes.Status200OK).WithName("CooperationRecords")
            .WithSummary("Every State's cooperation record for a period (from, to: yyyy-MM-dd, inclusive); Accept: text/csv or format=csv for CSV.");
        routes.MapGet("/registry/records/{code}", (HttpContext http, string code, string? from, string? to, string? format, CourtDbContext db,
                    ConsultationServiceLevels levels, TimeProvider clock, CancellationToken ct) => RecordsAsync(http, code, from, to, format, db, levels, clock, ct))
            .RequireAuthorization(readers).Produces<CooperationRecords>(StatusCodes.Status200OK).WithName("StateCooperationRecord")
            .WithSummary("One State's cooperation record for a period; Accept: text/csv or format=csv for CSV.");
    }

    private static async Task<IResult> RecordsAsync(
        HttpContext http, string? code, string? from, string? to, string? format, CourtDbContext db, ConsultationServiceLevels levels,
        TimeProvider clock, CancellationToken ct)
    {
        var invalid = new List<InvalidElement>();
        var start = ParseDate(from, "from", invalid);
        var end = ParseDate(to, "to", invalid);
        if (start is { } s && end is { } e && s > e) invalid.Add(new InvalidElement("to", "cannot be before from"));
        if (format is not (null or "json" or "csv")) invalid.Add(new InvalidElement("format", "json or csv"));
        string? state = null;
        if (code is not null)
        {
            if (StateCode.TryParse(code, out var parsed)) state = parsed.ToString();
            else invalid.Add(new InvalidElement("code", "an ISO 3166-1 alpha-3 code"));
        }
        if (invalid.Count > 0) return MatterFlow.Invalid(invalid);
        if (state is not null && !await db.StateParties.AnyAsync(p => p.Code == state, ct)) return Problems.NotFound("State");

        var scopes = Scopes.Of(http.User);
        var view = scopes.Contains(Scopes.Registry) ? RecordView.Registry : RecordView.Assembly;
        var records = await BuildAsync(db, levels, new RecordPeriod(start, end), view, state, clock.GetUtcNow(), ct);
        var csv = format == "csv" || (format is null && http.Request.Headers.Accept.Any(a => a?.Contains(CsvMediaType, StringComparison.OrdinalIgnoreCase) == true));
        return csv
            ? TypedResults.Text(Csv(records), $"{CsvMediaType}; charset=utf-8; header=present", Encoding.UTF8)
            : TypedResults.Ok(records);
    }

    private static DateOnly? ParseDate(string? value, string field, List<InvalidElement> invalid)
    {
        if (value is null) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        invalid.Add(new InvalidElement(field, "a date as yyyy-MM-dd"));
        return null;
    }

    public static async Task<CooperationRecords> BuildAsync(
        CourtDbContext db, ConsultationServiceLevels levels, RecordPeriod period, RecordView view, string? state, DateTimeOffset now, CancellationToken ct)
    {
        var codes = await db.StateParties.Where(p => state == null || p.Code == state).Select(p => p.Code).ToListAsync(ct);
        var requests = (await db.Requests.AsNoTracking()
                .Where(r => r.IssuingOrgan == Organ.Registry && r.SubmittedAt != null && (state == null || r.StateCode == state))
                .Select(r => new
                {
                    r.Id, r.StateCode, r.Classification, r.Status, r.SubmittedAt, r.DeliveredAt, r.AcknowledgedAt, r.AcknowledgementOverdueAt,
                })
                .ToListAsync(ct))
            .Where(r => period.Contains(r.SubmittedAt) && RecordClassification.CountedFor(view, r.Classification)).ToList();
        var counted = requests.Select(r => r.Id).ToHashSet();
        var ownMissed = await db.Deadlines.AsNoTracking()
            .Where(d => d.FiredAt != null && d.Kind != DeadlineKind.ChannelChangeEffective && d.RequestId != null).Select(d => d.RequestId!.Value).ToListAsync(ct);
        var noticedMissed = await db.DeadlineNotices.AsNoTracking()
            .Where(n => n.Type == DeadlineNoticeType.Missed && n.Kind != DeadlineKind.ChannelChangeEffective && n.RequestId != null)
            .Select(n => n.RequestId!.Value).ToListAsync(ct);
        var consultations = (await db.Consultations.AsNoTracking()
                .Where(c => c.IssuingOrgan == Organ.Registry && (state == null || c.StateCode == state)).ToListAsync(ct))
            .Where(c => period.Contains(c.OpenedAt) && RecordClassification.CountedFor(view, c.Classification)).ToList();
        var matters = (await db.Matters.AsNoTracking().Where(m => state == null || m.StateCode == state).ToListAsync(ct))
            .Where(m => period.Contains(m.OpenedAt)
                        && (RecordClassification.CountedFor(view, m.Classification) || m.AssemblyNotifiedAt is not null)).ToList();

        // Alerts: each State's entry, counted in the period the alert was issued, as confidential as the warrant behind it.
        // A plain join: a projection from inside SelectMany would need APPLY, which SQLite lacks.
        var alertEntries = (await (from e in db.TravelAlertEntries.AsNoTracking()
                    join a in db.TravelAlerts.AsNoTracking() on e.AlertId equals a.Id
                    where state == null || e.StateCode == state
                    select new { e.StateCode, a.Classification, a.CreatedAt, e.SnapshotJson })
                .ToListAsync(ct))
            .Where(e => period.Contains(e.CreatedAt) && RecordClassification.CountedFor(view, e.Classification))
            .Select(e => (e.StateCode, Entry: JsonSerializer.Deserialize<AlertEntrySnapshot>(e.SnapshotJson, StoredJson.Options)!))
            .ToList();

        var missedByRequest = ownMissed.Concat(noticedMissed).Where(counted.Contains).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        var rows = codes.Order(StringComparer.Ordinal).Select(code =>
        {
            var rs = requests.Where(r => r.StateCode == code).ToList();
            var requestFigures = new RequestFigures(
                Transmitted: rs.Count,
                Received: rs.Count(r => r.DeliveredAt is not null),
                Acknowledged: rs.Count(r => r.AcknowledgedAt is not null),
                AcknowledgedInTime: rs.Count(r => r.AcknowledgedAt is not null && r.AcknowledgementOverdueAt is null),
                AcknowledgedLate: rs.Count(r => r.AcknowledgedAt is not null && r.AcknowledgementOverdueAt is not null),
                AcknowledgementOverdue: rs.Count(r => r.AcknowledgementOverdueAt is not null),
                InExecution: rs.Count(r => r.Status == RequestStatus.InExecution),
                Executed: rs.Count(r => r.Status == RequestStatus.Executed),
                PartiallyExecuted: rs.Count(r => r.Status == RequestStatus.PartiallyExecuted),
                Denied: rs.Count(r => r.Status == RequestStatus.Denied),
                Withdrawn: rs.Count(r => r.Status == RequestStatus.Withdrawn),
                DeadlinesMissed: rs.Sum(r => missedByRequest.GetValueOrDefault(r.Id)));

            var cs = consultations.Where(c => c.StateCode == code).ToList();
            var byState = cs.Where(c => c.OpenedBy == Organ.State).ToList();
            var hoursToOpen = byState.Where(c => c.MeasuredFrom is not null)
                .Select(c => (c.OpenedAt - c.MeasuredFrom!.Value).TotalHours).Order().ToList();
            var consultationFigures = new ConsultationFigures(
                Opened: cs.Count,
                OpenedByState: byState.Count,
                OpenedWithinServiceLevel: byState.Count(c => levels.Check(c).All(b => b.Measure != ServiceLevelMeasure.TimeToOpen)),
                TimeToOpenBreaches: cs.Count(c => c.TimeToOpenBreached),
                MedianHoursToOpen: hoursToOpen.Count == 0 ? null
                    : Math.Round(hoursToOpen.Count % 2 == 1 ? hoursToOpen[hoursToOpen.Count / 2]
                        : (hoursToOpen[hoursToOpen.Count / 2 - 1] + hoursToOpen[hoursToOpen.Count / 2]) / 2, 2),
                TimeToFirstCourtAnswerBreaches: cs.Count(c => c.TimeToAnswerBreached),
                Grounds: Enum.GetValues<ConsultationGround>().ToDictionary(g => g, g => cs.Count(c => c.Grounds.Contains(g))));

            var ms = matters.Where(m => m.StateCode == code).ToList();
            int Reached(MatterStep step) => ms.Count(m => m.Steps.Any(s => s.Step == step));
            var matterFigures = new MatterFigures(
                Opened: ms.Count,
                ByStep: Enum.GetValues<MatterStep>().ToDictionary(s => s, s => ms.Count(m => m.Step == s)),
                ObservationsInvited: Reached(MatterStep.ObservationsInvited),
                ObservationsSubmitted: Reached(MatterStep.ObservationsSubmitted),
                Findings: Reached(MatterStep.Finding),
                ReferredToAssembly: Reached(MatterStep.ReferredToAssembly),
                ReferredToSecurityCouncil: Reached(MatterStep.ReferredToSecurityCouncil),
                ReferralDeferred: Reached(MatterStep.ReferralDeferred),
                NotReferred: Reached(MatterStep.NotReferred),
                ClosedWithoutFinding: Reached(MatterStep.Closed));
            var es = alertEntries.Where(e => e.StateCode == code).Select(e => e.Entry).ToList();
            var alertFigures = new AlertFigures(
                Addressed: es.Count,
                Delivered: es.Count(e => e.DeliveredAt is not null),
                Acknowledged: es.Count(e => e.AcknowledgedAt is not null),
                AcknowledgedInTime: es.Count(e => e.AcknowledgedAt is not null && !e.AcknowledgedLate),
                AcknowledgedLate: es.Count(e => e.AcknowledgedAt is not null && e.AcknowledgedLate),
                Overdue: es.Count(e => e.OverdueAt is not null),
                ConsultationsOpened: es.Count(e => e.ConsultationId is not null),
                VisitsReportedChanged: es.Count(e => e.Visit != VisitStatus.Expected),
                ArrestsNotified: es.Count(e => e.ArrestNotifiedOn is not null));
            return new StateCooperationRecord(code, requestFigures, consultationFigures, matterFigures, alertFigures);
        }).ToList();
        return new CooperationRecords(now, period.From, period.To, view, levels.Level.MaxToOpen, rows);
    }

    /// <summary>One row per State, one column per figure; RFC 4180 (CRLF, a header row, fields quoted where needed).</summary>
    public static string Csv(CooperationRecords records)
    {
        var grounds = Enum.GetValues<ConsultationGround>();
        var steps = Enum.GetValues<MatterStep>();
        var header = new List<string>
        {
            "stateCode", "from", "to", "view",
            "requests.transmitted", "requests.received", "requests.acknowledged", "requests.acknowledgedInTime", "requests.acknowledgedLate",
            "requests.acknowledgementOverdue", "requests.inExecution", "requests.executed", "requests.partiallyExecuted", "requests.denied",
            "requests.withdrawn", "requests.deadlinesMissed",
            "consultations.opened", "consultations.openedByState", "consultations.openedWithinServiceLevel", "consultations.timeToOpenBreaches",
            "consultations.medianHoursToOpen", "consultations.timeToFirstCourtAnswerBreaches",
        };
        header.AddRange(grounds.Select(g => $"consultations.grounds.{g}"));
        header.AddRange(["matters.opened", "matters.observationsInvited", "matters.observationsSubmitted", "matters.findings",
            "matters.referredToAssembly", "matters.referredToSecurityCouncil", "matters.referralDeferred", "matters.notReferred",
            "matters.closedWithoutFinding"]);
        header.AddRange(steps.Select(s => $"matters.now.{s}"));
        header.AddRange(["alerts.addressed", "alerts.delivered", "alerts.acknowledged", "alerts.acknowledgedInTime", "alerts.acknowledgedLate",
            "alerts.overdue", "alerts.consultationsOpened", "alerts.visitsReportedChanged", "alerts.arrestsNotified"]);

        var text = new StringBuilder();
        Line(text, header);
        foreach (var r in records.States)
        {
            var q = r.Requests;
            var c = r.Consultations;
            var m = r.Matters;
            var row = new List<string>
            {
                r.StateCode, records.From?.ToString("yyyy-MM-dd") ?? "", records.To?.ToString("yyyy-MM-dd") ?? "", records.View.ToString(),
            };
            row.AddRange(new[] { q.Transmitted, q.Received, q.Acknowledged, q.AcknowledgedInTime, q.AcknowledgedLate, q.AcknowledgementOverdue,
                q.InExecution, q.Executed, q.PartiallyExecuted, q.Denied, q.Withdrawn, q.DeadlinesMissed,
                c.Opened, c.OpenedByState, c.OpenedWithinServiceLevel, c.TimeToOpenBreaches }.Select(Number));
            row.Add(c.MedianHoursToOpen?.ToString(CultureInfo.InvariantCulture) ?? "");
            row.Add(Number(c.TimeToFirstCourtAnswerBreaches));
            row.AddRange(grounds.Select(g => Number(c.Grounds[g])));
            row.AddRange(new[] { m.Opened, m.ObservationsInvited, m.ObservationsSubmitted, m.Findings, m.ReferredToAssembly,
                m.ReferredToSecurityCouncil, m.ReferralDeferred, m.NotReferred, m.ClosedWithoutFinding }.Select(Number));
            row.AddRange(steps.Select(s => Number(m.ByStep[s])));
            var a = r.Alerts;
            row.AddRange(new[] { a.Addressed, a.Delivered, a.Acknowledged, a.AcknowledgedInTime, a.AcknowledgedLate, a.Overdue,
                a.ConsultationsOpened, a.VisitsReportedChanged, a.ArrestsNotified }.Select(Number));
            Line(text, row);
        }
        return text.ToString();
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder text, IEnumerable<string> fields)
    {
        text.Append(string.Join(',', fields.Select(Field)));
        text.Append("\r\n");
    }

    /// <summary>RFC 4180 §2: a field with a comma, a double quote, CR or LF is enclosed in quotes, its quotes doubled.</summary>
    public static string Field(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
