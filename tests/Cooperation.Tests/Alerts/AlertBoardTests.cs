using Cooperation.Alerts;
using Cooperation.Consultations;
using static Cooperation.Alerts.AlertCommand;

namespace Cooperation.Tests.Alerts;

/// <summary>One State's entry on a travel alert's board (Art 86, 89(1), 97; the Chambers' practice on travel information).</summary>
public class AlertBoardTests
{
    private static readonly DateTimeOffset Sent = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Within = TimeSpan.FromHours(24);

    private static AlertEntrySnapshot New() => AlertEntrySnapshot.New(Sent, Within, new DateOnly(2026, 12, 10), new DateOnly(2026, 12, 12));

    private static AlertEntrySnapshot Then(AlertEntrySnapshot s, AlertCommand c) =>
        Assert.IsType<AlertDecision.Accepted>(AlertBoard.Decide(s, c)).Snapshot;

    private static AlertEntrySnapshot Delivered() => Then(New(), new RecordDelivered(Sent.AddMinutes(1)));

    private static void Refused(AlertEntrySnapshot s, AlertCommand c, string code) =>
        Assert.Equal(code, Assert.IsType<AlertDecision.Refused>(AlertBoard.Decide(s, c)).Code);

    [Fact]
    public void Evidence_runs_Sent_then_Delivered_then_Acknowledged_with_who_and_when()
    {
        var s = New();
        Assert.Equal(AlertStage.Sent, s.Stage);
        Assert.Equal(Sent + Within, s.AcknowledgeBy);
        s = Then(s, new RecordDelivered(Sent.AddMinutes(1)));
        Assert.Equal(AlertStage.Delivered, s.Stage);
        s = Then(s, new Acknowledge(Sent.AddHours(2), "Central authority, desk 2"));
        Assert.Equal((AlertStage.Acknowledged, "Central authority, desk 2", false), (s.Stage, s.AcknowledgedBy, s.AcknowledgedLate));
        Assert.Equal(Sent.AddHours(2), s.AcknowledgedAt);
    }

    [Fact]
    public void An_alert_is_delivered_once()
    {
        Refused(Delivered(), new RecordDelivered(Sent.AddMinutes(2)), AlertErrors.IllegalTransition);
    }

    [Fact]
    public void Nothing_but_delivery_happens_before_the_States_node_has_the_alert()
    {
        var sent = New();
        Refused(sent, new Acknowledge(Sent, "desk"), AlertErrors.NotDelivered);
        Refused(sent, new OpenConsultation(Guid.NewGuid(), [ConsultationGround.Immunity], Sent), AlertErrors.NotDelivered);
        Refused(sent, new ReportVisitCancelled(Sent), AlertErrors.NotDelivered);
        Refused(sent, new ReportVisitChanged(new DateOnly(2026, 12, 11), new DateOnly(2026, 12, 13), Sent), AlertErrors.NotDelivered);
    }

    [Fact]
    public void An_acknowledgement_names_who_and_comes_once()
    {
        Refused(Delivered(), new Acknowledge(Sent, " "), AlertErrors.AcknowledgedByRequired);
        var acknowledged = Then(Delivered(), new Acknowledge(Sent.AddHours(1), "desk"));
        Refused(acknowledged, new Acknowledge(Sent.AddHours(2), "desk"), AlertErrors.AlreadyAcknowledged);
    }

    [Fact]
    public void Without_acknowledgement_a_warning_then_an_overdue_signal_is_raised_each_once()
    {
        var s = Then(Delivered(), new RaiseWarning(Sent.AddHours(18)));
        Assert.Equal(AcknowledgementSignal.Warning, s.Signal);
        Refused(s, new RaiseWarning(Sent.AddHours(19)), AlertErrors.AlreadySignalled);
        s = Then(s, new RaiseOverdue(Sent + Within));
        Assert.Equal((AcknowledgementSignal.Overdue, Sent + Within), (s.Signal, s.OverdueAt));
        Refused(s, new RaiseOverdue(Sent + Within), AlertErrors.AlreadySignalled);
        // An entry never delivered goes overdue too (a State without a node, or one whose node is down).
        Assert.Equal(AcknowledgementSignal.Overdue, Then(New(), new RaiseOverdue(Sent + Within)).Signal);
    }

    [Fact]
    public void An_acknowledged_alert_raises_no_warning_or_overdue_signal()
    {
        var acknowledged = Then(Delivered(), new Acknowledge(Sent.AddHours(1), "desk"));
        Refused(acknowledged, new RaiseWarning(Sent.AddHours(18)), AlertErrors.AlreadyAcknowledged);
        Refused(acknowledged, new RaiseOverdue(Sent + Within), AlertErrors.AlreadyAcknowledged);
    }

    [Fact]
    public void A_late_acknowledgement_still_counts_and_is_marked_late()
    {
        var overdue = Then(Delivered(), new RaiseOverdue(Sent + Within));
        var s = Then(overdue, new Acknowledge(Sent + Within + TimeSpan.FromHours(1), "desk"));
        Assert.Equal((AlertStage.Acknowledged, true, AcknowledgementSignal.Overdue), (s.Stage, s.AcknowledgedLate, s.Signal));
    }

    [Fact]
    public void Art_97_a_consultation_from_the_alert_keeps_its_grounds_and_acknowledges_an_unacknowledged_alert()
    {
        var id = Guid.NewGuid();
        var s = Then(Delivered(), new OpenConsultation(id, [ConsultationGround.Immunity], Sent.AddHours(3)));
        Assert.Equal((id, AlertStage.Acknowledged, AlertBoard.AcknowledgedByConsultation), (s.ConsultationId!.Value, s.Stage, s.AcknowledgedBy));
        Assert.Equal([ConsultationGround.Immunity], s.ConsultationGrounds);
        Assert.Equal(Sent.AddHours(3), s.ConsultationOpenedAt);
    }

    [Fact]
    public void Art_97_one_consultation_per_alert_and_State_with_at_least_one_ground()
    {
        Refused(Delivered(), new OpenConsultation(Guid.NewGuid(), [], Sent), AlertErrors.GroundsRequired);
        var opened = Then(Delivered(), new OpenConsultation(Guid.NewGuid(), [ConsultationGround.Other], Sent));
        Refused(opened, new OpenConsultation(Guid.NewGuid(), [ConsultationGround.Other], Sent), AlertErrors.ConsultationAlreadyOpened);
    }

    [Fact]
    public void A_visit_changes_to_valid_dates_any_number_of_times_until_it_is_cancelled()
    {
        var s = Then(Delivered(), new ReportVisitChanged(new DateOnly(2026, 12, 14), new DateOnly(2026, 12, 15), Sent));
        Assert.Equal((VisitStatus.Changed, new DateOnly(2026, 12, 14), new DateOnly(2026, 12, 15)), (s.Visit, s.ExpectedFrom, s.ExpectedUntil));
        Refused(s, new ReportVisitChanged(new DateOnly(2026, 12, 16), new DateOnly(2026, 12, 15), Sent), AlertErrors.InvalidDates);
        s = Then(s, new ReportVisitChanged(new DateOnly(2026, 12, 16), new DateOnly(2026, 12, 16), Sent));
        s = Then(s, new ReportVisitCancelled(Sent.AddHours(5)));
        Assert.Equal(VisitStatus.Cancelled, s.Visit);
        Refused(s, new ReportVisitCancelled(Sent.AddHours(6)), AlertErrors.VisitCancelled);
        Refused(s, new ReportVisitChanged(new DateOnly(2026, 12, 20), new DateOnly(2026, 12, 21), Sent), AlertErrors.VisitCancelled);
    }

    [Fact]
    public void Art_89_1_the_arrest_is_recorded_once_on_the_board()
    {
        var s = Then(New(), new RecordArrest(new DateOnly(2026, 12, 10)));
        Assert.Equal(new DateOnly(2026, 12, 10), s.ArrestNotifiedOn);
        Refused(s, new RecordArrest(new DateOnly(2026, 12, 11)), AlertErrors.ArrestAlreadyNotified);
    }

    [Fact]
    public void The_Assembly_is_notified_of_an_imminent_incident_once_and_of_an_overdue_only_when_overdue()
    {
        var s = Then(New(), new NotifyAssemblyOfIncident(Sent));
        Refused(s, new NotifyAssemblyOfIncident(Sent), AlertErrors.AssemblyAlreadyNotified);
        Refused(New(), new NotifyAssemblyOfOverdue(Sent), AlertErrors.NotOverdue);
        var overdue = Then(Then(New(), new RaiseOverdue(Sent + Within)), new NotifyAssemblyOfOverdue(Sent + Within));
        Refused(overdue, new NotifyAssemblyOfOverdue(Sent + Within), AlertErrors.AssemblyAlreadyNotified);
    }
}
