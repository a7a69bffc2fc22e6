using System.Globalization;
using System.Text.Json.Nodes;
using Cooperation.Consoles.Components.Shared;
using static Cooperation.Consoles.Texts.Text;

namespace Cooperation.Consoles.Records;

/// <summary>A calendar month in UTC, as the records' period filter takes it (from and to inclusive).</summary>
public sealed record RecordMonth(DateOnly From, DateOnly To)
{
    public string Key => From.ToString("yyyy-MM", CultureInfo.InvariantCulture);
    public string Label => From.ToString("MMM yyyy", CultureInfo.CurrentCulture);
}

/// <summary>
/// The figures the records page charts, read from the API's records (services/Court/Records): consultation timeliness
/// per State over the whole period, and acknowledgements overdue per month (one records call per month).
/// </summary>
public sealed class RecordsView
{
    // Dark enough against white for a graphic (WCAG 1.4.11, 3:1), told apart by the legend and the table as well.
    private const string Blue = "#0b3d62", Orange = "#a34f00", Grey = "#595959";

    public required RecordMonth Period { get; init; }
    public required TimeSpan MaxToOpen { get; init; }
    public required IReadOnlyList<string> States { get; init; }
    public required IReadOnlyList<ChartSeries> Timeliness { get; init; }
    public required IReadOnlyList<ChartColumn> TimelinessColumns { get; init; }
    public required string TimelinessSummary { get; init; }
    public required IReadOnlyList<string> Months { get; init; }
    public required IReadOnlyList<string> MonthLabels { get; init; }
    public required IReadOnlyList<ChartSeries> Overdue { get; init; }
    public required IReadOnlyList<ChartColumn> OverdueColumns { get; init; }
    public required string OverdueSummary { get; init; }

    public string FromText => Period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public string ToText => Period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The <paramref name="count"/> months up to the one holding <paramref name="today"/>, oldest first; the last ends today.</summary>
    public static IReadOnlyList<RecordMonth> MonthsEndingAt(DateOnly today, int count)
    {
        var first = new DateOnly(today.Year, today.Month, 1);
        return Enumerable.Range(0, count).Reverse()
            .Select(back => first.AddMonths(-back))
            .Select(start => new RecordMonth(start, start.Month == today.Month && start.Year == today.Year ? today : start.AddMonths(1).AddDays(-1)))
            .ToList();
    }

    public static RecordsView From(JsonNode? whole, IReadOnlyList<RecordMonth> months, IReadOnlyList<JsonNode?> monthly)
    {
        var rows = whole.Items("states").ToList();
        var states = rows.Select(r => r.S("stateCode")).ToList();
        var opened = rows.Select(r => Int(r, "consultations.openedByState")).ToList();
        var within = rows.Select(r => Int(r, "consultations.openedWithinServiceLevel")).ToList();
        var late = opened.Zip(within, (o, w) => Math.Max(0, o - w)).ToList();
        var medians = rows.Select(r => r.S("consultations.medianHoursToOpen") is { Length: > 0 } m
            ? double.Parse(m, CultureInfo.InvariantCulture).ToString("0.##", CultureInfo.CurrentCulture) : "—").ToList();

        int Sum(JsonNode? record, string figure) => record.Items("states").Sum(r => Int(r, figure));
        var requestsOverdue = monthly.Select(m => Sum(m, "requests.acknowledgementOverdue")).ToList();
        var alertsOverdue = monthly.Select(m => Sum(m, "alerts.overdue")).ToList();
        var deadlinesMissed = monthly.Select(m => Sum(m, "requests.deadlinesMissed")).ToList();
        var labels = months.Select(m => m.Label).ToList();

        return new RecordsView
        {
            Period = new RecordMonth(months[0].From, months[^1].To),
            MaxToOpen = TimeSpan.TryParse(whole.S("consultationMaxToOpen"), CultureInfo.InvariantCulture, out var level) ? level : TimeSpan.Zero,
            States = states,
            Timeliness =
            [
                new("withinServiceLevel", T("Opened within the service level"), Blue, within),
                new("late", T("Opened late"), Orange, late),
            ],
            TimelinessColumns =
            [
                new("openedByState", T("Opened by the State"), opened.Select(Figure).ToList()),
                new("medianHoursToOpen", T("Median hours to open"), medians),
                new("courtAnswerLate", T("Court's first answer late"), rows.Select(r => Figure(Int(r, "consultations.timeToFirstCourtAnswerBreaches"))).ToList()),
            ],
            TimelinessSummary = TimelinessSentence(states, opened, within, late),
            Months = months.Select(m => m.Key).ToList(),
            MonthLabels = labels,
            Overdue =
            [
                new("requestsOverdue", T("Requests not acknowledged in time"), Blue, requestsOverdue),
                new("alertsOverdue", T("Travel alerts not acknowledged in time"), Grey, alertsOverdue),
            ],
            OverdueColumns = [new("deadlinesMissed", T("Deadlines missed"), deadlinesMissed.Select(Figure).ToList())],
            OverdueSummary = OverdueSentence(labels, requestsOverdue, alertsOverdue),
        };
    }

    private static string TimelinessSentence(List<string> states, List<int> opened, List<int> within, List<int> late)
    {
        if (opened.Sum() == 0) return T("No State opened a consultation in the period.");
        var sentence = Format(T("States opened {0} consultations in the period, {1} within the service level and {2} late."), opened.Sum(), within.Sum(), late.Sum());
        var most = late.IndexOf(late.Max());
        return late[most] == 0 ? sentence : sentence + " " + Format(T("Most late: {0} ({1})."), states[most], late[most]);
    }

    private static string OverdueSentence(List<string> labels, List<int> requests, List<int> alerts)
    {
        var totals = requests.Zip(alerts, (r, a) => r + a).ToList();
        if (totals.Sum() == 0) return Format(T("No acknowledgement was overdue from {0} to {1}."), labels[0], labels[^1]);
        var most = totals.IndexOf(totals.Max());
        return Format(T("{0} acknowledgements overdue from {1} to {2}: {3} of requests, {4} of travel alerts; the most in {5} ({6})."),
            totals.Sum(), labels[0], labels[^1], requests.Sum(), alerts.Sum(), labels[most], totals[most]);
    }

    private static int Int(JsonNode? node, string path) => int.TryParse(node.S(path), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
    private static string Figure(int n) => n.ToString(CultureInfo.CurrentCulture);
    private static string Format(string format, params object[] args) => string.Format(CultureInfo.CurrentCulture, format, args);
}
