using Cooperation.Confidentiality;
using Cooperation.Consultations;
using Cooperation.Requests;
using static Cooperation.Requests.RequestCommand;

namespace Cooperation.Tests.Requests;

/// <summary>
/// Every command in every status for every kind, against an explicit expected table. A cell is the
/// status the request moves to (accepted) or "!code" (refused with that code); "-" is illegal-transition.
/// </summary>
public class RequestLifecycleTransitionTableTests
{
    // Column order of the tables below.
    private static readonly RequestStatus[] Columns =
    [
        RequestStatus.Draft, RequestStatus.Ready, RequestStatus.Transmitted, RequestStatus.Delivered,
        RequestStatus.Acknowledged, RequestStatus.InExecution, RequestStatus.InConsultation, RequestStatus.Postponed,
        RequestStatus.Executed, RequestStatus.PartiallyExecuted, RequestStatus.Denied, RequestStatus.Withdrawn,
        RequestStatus.ExtraditedInstead,
    ];

    private static readonly Dictionary<string, RequestStatus> Abbreviations = new()
    {
        ["Dr"] = RequestStatus.Draft, ["Rd"] = RequestStatus.Ready, ["Tr"] = RequestStatus.Transmitted,
        ["Dl"] = RequestStatus.Delivered, ["Ak"] = RequestStatus.Acknowledged, ["Ex"] = RequestStatus.InExecution,
        ["Co"] = RequestStatus.InConsultation, ["Po"] = RequestStatus.Postponed, ["Ed"] = RequestStatus.Executed,
        ["PE"] = RequestStatus.PartiallyExecuted, ["Dn"] = RequestStatus.Denied, ["Wd"] = RequestStatus.Withdrawn,
        ["XI"] = RequestStatus.ExtraditedInstead,
    };

    // Error code shorthands.
    private const string NoDeny = "!denial-not-allowed";
    private const string NoOutcome = "!outcome-not-applicable";
    private const string NoConfirm = "!confirmation-not-required";

    // Other assistance (Art 93, 96): execution goes on during a consultation (Art 97 suspends nothing);
    // denial on 93(4)/93(5) possible.
    private const string OtherAssistanceTable = """
        command                 Dr  Rd  Tr  Dl  Ak  Ex  Co  Po  Ed  PE  Dn  Wd  XI
        MarkReady               Rd  -   -   -   -   -   -   -   -   -   -   -   -
        Transmit                -   Tr  -   -   -   -   -   -   -   -   -   -   -
        RecordDelivered         -   -   Dl  -   -   -   -   -   -   -   -   -   -
        Acknowledge             -   -   Ak  Ak  -   -   -   -   -   -   -   -   -
        StartExecution          -   -   -   -   Ex  -   -   -   -   -   -   -   -
        ReportProgress          -   -   -   -   -   Ex  Co  -   -   -   -   -   -
        Execute                 -   -   -   -   -   Ed  Ed  -   -   -   -   -   -
        ExecutePartial          -   -   -   -   -   PE  PE  -   -   -   -   -   -
        Deny                    -   -   -   -   Dn  Dn  Dn  -   -   -   -   -   -
        Postpone95              -   -   -   -   Po  Po  Po  -   -   -   -   -   -
        Resume                  -   -   -   -   -   -   Ex  Ex  -   -   -   -   -
        OpenConsultation        -   -   -   Co  Co  Co  -   Co  -   -   -   -   -
        CloseResumed            -   -   -   -   -   -   Ex  -   -   -   -   -   -
        CloseModified           -   -   -   -   -   -   !outcome-not-applicable  -   -   -   -   -   -
        CloseRedirected         -   -   -   -   -   -   Wd  -   -   -   -   -   -
        ClosePostponed95        -   -   -   -   -   -   Po  -   -   -   -   -   -
        CloseWithdrawn          -   -   -   -   -   -   Wd  -   -   -   -   -   -
        Modify                  -   -   Tr  Tr  Tr  Tr  Tr  -   -   -   -   -   -
        Withdraw                Wd  Wd  Wd  Wd  Wd  Wd  Wd  Wd  -   -   -   -   -
        RecordConfirmation      -   -   !confirmation-not-required  !confirmation-not-required  !confirmation-not-required  !confirmation-not-required  !confirmation-not-required  !confirmation-not-required  -   -   -   -   -
        Reclassify              Dr  Rd  Tr  Dl  Ak  Ex  Co  Po  Ed  PE  Dn  Wd  XI
        ProposePeriod           -   -   -   -   !no-postponement-proposed  !no-postponement-proposed  !no-postponement-proposed  -   -   -   -   -   -
        AgreePostponement       -   -   -   -   !no-postponement-proposed  !no-postponement-proposed  !no-postponement-proposed  -   -   -   -   -   -
        SeekPreservation        -   -   -   -   !preservation-not-applicable  !preservation-not-applicable  !preservation-not-applicable  !preservation-not-applicable  -   -   -   -   -
        AdmissibilityRuling     -   -   -   -   -   -   -   Ex  -   -   -   -   -
        EvidenceOrder           Dr  Rd  Tr  Dl  Ak  Ex  Co  Po  -   -   -   -   -
        NotifyCompeting         -   -   -   !not-applicable  !not-applicable  !not-applicable  !not-applicable  !not-applicable  -   -   -   -   -
        CompetingAdmissibility  -   -   -   !no-competing-request  !no-competing-request  !no-competing-request  !no-competing-request  !no-competing-request  -   -   -   -   -
        ExtraditedInstead       -   -   -   !no-competing-request  !no-competing-request  !no-competing-request  !no-competing-request  !no-competing-request  -   -   -   -   -
        ExtraditionRefused      -   -   -   !no-competing-request  !no-competing-request  !no-competing-request  !no-competing-request  !no-competing-request  -   -   -   -   -
        OrgTransmission         -   -   Tr  Dl  Ak  Ex  Co  Po  -   -   -   -   -
        DirectExecution         -   -   -   -   !direct-execution-not-applicable  !direct-execution-not-applicable  !direct-execution-not-applicable  -   -   -   -   -   -
        """;

    // Arrest and surrender, transit: never denied; execution goes on during a consultation (Art 97);
    // no redirection (93(9)(b) is for assistance).
    private const string ArrestTable = """
        command                 Dr  Rd  Tr  Dl  Ak  Ex  Co  Po  Ed  PE  Dn  Wd  XI
        MarkReady               Rd  -   -   -   -   -   -   -   -   -   -   -   -
        Transmit                -   Tr  -   -   -   -   -   -   -   -   -   -   -
        RecordDelivered         -   -   Dl  -   -   -   -   -   -   -   -   -   -
        Acknowledge             -   -   Ak  Ak  -   -   -   -   -   -   -   -   -
        StartExecution          -   -   -   -   Ex  -   -   -   -   -   -   -   -
        ReportProgress          -   -   -   -   -   Ex  Co  -   -   -   -   -   -
        Execute                 -   -   -   -   -   Ed  Ed  -   -   -   -   -   -
        ExecutePartial          -   -   -   -   -   PE  PE  -   -   -   -   -   -
        Deny                    -   -   -   -   !denial-not-allowed  !denial-not-allowed  !denial-not-allowed  -   -   -   -   -   -
        Postpone95              -   -   -   -   Po  Po  Po  -   -   -   -   -   -
        Resume                  -   -   -   -   -   -   Ex  Ex  -   -   -   -   -
        OpenConsultation        -   -   -   Co  Co  Co  -   Co  -   -   -   -   -
        CloseResumed            -   -   -   -   -   -   Ex  -   -   -   -   -   -
        CloseModified           -   -   -   -   -   -   !outcome-not-applicable  -   -   -   -   -   -
        CloseRedirected         -   -   -   -   -   -   !outcome-not-applicable  -   -   -   -   -   -
        ClosePostponed95        -   -   -   -   -   -   Po  -   -   -   -   -   -
        CloseWithdrawn          -   -   -   -   -   -   Wd  -   -   -   -   -   -
        Modify                  -   -   Tr  Tr  Tr  Tr  Tr  -   -   -   -   -   -
        Withdraw                Wd  Wd  Wd  Wd  Wd  Wd  Wd  Wd  -   -   -   -   -
        RecordConfirmation      -   -   !confirmation-not-required  !confirmation-not-required  !confirmation-not-required  !confirmation-not-required  !confirmation-not-required  !confirmation-not-required  -   -   -   -   -
        Reclassify              Dr  Rd  Tr  Dl  Ak  Ex  Co  Po  Ed  PE  Dn  Wd  XI
        ProposePeriod           -   -   -   -   !no-postponement-proposed  !no-postponement-proposed  !no-postponement-proposed  -   -   -   -   -   -
        AgreePostponement       -   -   -   -   !no-postponement-proposed  !no-postponement-proposed  !no-postponement-proposed  -   -   -   -   -   -
        SeekPreservation        -   -   -   -   !preservation-not-applicable  !preservation-not-applicable  !preservation-not-applicable  !preservation-not-applicable  -   -   -   -   -
        AdmissibilityRuling     -   -   -   -   -   -   -   Ex  -   -   -   -   -
        EvidenceOrder           !not-applicable  !not-applicable  !not-applicable  !not-applicable  !not-applicable  !not-applicable  !not-applicable  !not-applicable  -   -   -   -   -
        NotifyCompeting         -   -   -   Dl  Ak  Ex  Co  Po  -   -   -   -   -
        CompetingAdmissibility  -   -   -   !no-competing-request  !no-competing-request  !no-competing-request  !no-competing-request  !no-competing-request  -   -   -   -   -
        ExtraditedInstead       -   -   -   !no-competing-request  !no-competing-request  !no-competing-request  !no-competing-request  !no-competing-request  -   -   -   -   -
        ExtraditionRefused      -   -   -   !no-competing-request  !no-competing-request  !no-competing-request  !no-competing-request  !no-competing-request  -   -   -   -   -
        OrgTransmission         -   -   Tr  Dl  Ak  Ex  Co  Po  -   -   -   -   -
        DirectExecution         -   -   -   -   !direct-execution-not-applicable  !direct-execution-not-applicable  !direct-execution-not-applicable  -   -   -   -   -   -
        """;

    private static Dictionary<string, string[]> Parse(string table)
    {
        var rows = new Dictionary<string, string[]>();
        foreach (var line in table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1))
        {
            var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(Columns.Length + 1, cells.Length);
            rows[cells[0]] = cells[1..];
        }
        return rows;
    }

    // A provisional arrest is urgent (Art 92(1)) but, like every request in these tables, owes no confirmation:
    // only urgent requests under Art 91(1) and 96(1) do (the rule tests cover those).
    // Transit may be refused, but only under Art 89(3)(a): the table's national-security denial does not apply to it.
    private const string TransitDenyRow =
        "Deny                 -   -   -   -   !denial-ground-not-applicable  !denial-ground-not-applicable  !denial-ground-not-applicable  -   -   -   -   -   -";

    // Art 90 concerns requests for surrender; a transit request has no competing extradition.
    private const string TransitCompetingRow =
        "NotifyCompeting      -   -   -   !not-applicable  !not-applicable  !not-applicable  !not-applicable  !not-applicable  -   -   -   -   -";

    private static Dictionary<string, string[]> ExpectedFor(RequestKind kind)
    {
        var table = Parse(kind == RequestKind.OtherAssistance ? OtherAssistanceTable : ArrestTable);
        if (kind == RequestKind.Transit)
        {
            foreach (var line in new[] { TransitDenyRow, TransitCompetingRow })
            {
                var row = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                table[row[0]] = row[1..];
            }
        }
        return table;
    }

    private static RequestCommand Command(string label, RequestKind kind) => label switch
    {
        "MarkReady" => new MarkReady(Samples.Input(kind)),
        "Transmit" => new Transmit(Samples.At),
        "RecordDelivered" => new RecordDelivered(Samples.At),
        "Acknowledge" => new Acknowledge(Samples.At, "central-authority-desk"),
        "StartExecution" => new StartExecution(),
        "ReportProgress" => new ReportProgress(),
        "Execute" => new Execute(),
        "ExecutePartial" => new Execute(Partial: true),
        "Deny" => new Deny(DenialGround.NationalSecurity, "Disclosure would prejudice national security.",
            ConcernsDocumentsOrEvidence: true, Art72StepsTaken: true),
        "Postpone95" => new Postpone(PostponementGround.AdmissibilityChallenge),
        "Resume" => new Resume(),
        "OpenConsultation" => new OpenConsultation(),
        "CloseResumed" => new CloseConsultation(ConsultationOutcome.Resumed),
        "CloseModified" => new CloseConsultation(ConsultationOutcome.Modified),
        "CloseRedirected" => new CloseConsultation(ConsultationOutcome.Redirected),
        "ClosePostponed95" => new CloseConsultation(ConsultationOutcome.Postponed, PostponementGround.AdmissibilityChallenge),
        "CloseWithdrawn" => new CloseConsultation(ConsultationOutcome.Withdrawn),
        "Modify" => new Modify(Samples.At, Samples.Input(kind)),
        "Withdraw" => new Withdraw(),
        "RecordConfirmation" => new RecordConfirmation(Samples.At),
        "Reclassify" => new Reclassify(Classification.Public),
        "ProposePeriod" => new ProposePostponementPeriod(Samples.At.AddDays(60), Party.IssuingOrgan),
        "AgreePostponement" => new AgreePostponement(Party.IssuingOrgan),
        "SeekPreservation" => new SeekPreservationMeasures(Cooperation.Organs.Organ.Prosecutor),
        "AdmissibilityRuling" => new RecordAdmissibilityRuling(Admissible: true),
        "EvidenceOrder" => new RecordEvidenceCollectionOrder(),
        "NotifyCompeting" => new NotifyCompetingExtradition(new Cooperation.Requests.Competing.CompetingExtradition(
            "SRB", RequestingStateIsParty: true, SameConduct: true, ObligationToExtradite: false, new DateOnly(2026, 3, 1), RequestingStateNotified: true)),
        "CompetingAdmissibility" => new RecordCompetingAdmissibility(true, "ICC-01/99-01/26-77", new DateOnly(2026, 3, 20)),
        "ExtraditedInstead" => new RecordExtraditedInstead(new DateOnly(2026, 4, 1)),
        "ExtraditionRefused" => new RecordExtraditionRefused(new DateOnly(2026, 4, 1)),
        // The table's requests are the Registry's: direct execution (Art 99(4)) is the Prosecutor's (the rule tests cover it).
        "DirectExecution" => new RecordDirectExecution(new Cooperation.Requests.DirectExecution.DirectExecutionPlan(
            new DateOnly(2026, 4, 1), true, false, false, false, false, null, null), Cooperation.Organs.Organ.Registry, ConsultationsHeld: true),
        "OrgTransmission" => new RecordOrganisationTransmission(new Cooperation.Requests.Channels.OrganisationTransmission(
            Cooperation.Requests.Channels.OrganisationChannel.Interpol, null, "A-1234/1-2026", Samples.At)),
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, null),
    };

    public static TheoryData<RequestKind, RequestStatus, string, string> Cases()
    {
        var data = new TheoryData<RequestKind, RequestStatus, string, string>();
        foreach (var kind in Samples.Kinds)
            foreach (var (label, cells) in ExpectedFor(kind))
                for (var i = 0; i < Columns.Length; i++)
                    data.Add(kind, Columns[i], label, cells[i]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides_as_the_table_says(RequestKind kind, RequestStatus status, string command, string expected)
    {
        var current = Samples.In(kind, status);
        var decision = RequestLifecycle.Decide(current, Command(command, kind));

        if (expected == "-" || expected.StartsWith('!'))
        {
            var refused = Assert.IsType<Decision.Refused>(decision);
            Assert.Equal(expected == "-" ? LifecycleErrors.IllegalTransition : expected[1..], refused.Code);
            Assert.False(string.IsNullOrWhiteSpace(refused.Message));
            return;
        }

        var accepted = Assert.IsType<Decision.Accepted>(decision);
        var to = Abbreviations[expected];
        Assert.Equal(to, accepted.Snapshot.Status);
        Assert.Equal(status, accepted.Entry.From);
        Assert.Equal(to, accepted.Entry.To);
        Assert.Equal(command == "Modify" ? current.Version + 1 : current.Version, accepted.Snapshot.Version);
        Assert.Equal(accepted.Snapshot.Version, accepted.Entry.Version);
        Assert.False(string.IsNullOrWhiteSpace(accepted.Entry.Event));
    }

    [Fact]
    public void The_tables_cover_every_status_and_every_command_type()
    {
        var commandTypes = typeof(RequestCommand).GetNestedTypes().Where(t => t.IsSubclassOf(typeof(RequestCommand))).ToHashSet();
        foreach (var kind in Samples.Kinds)
        {
            var table = ExpectedFor(kind);
            Assert.Equal(Samples.Statuses.Order(), Columns.Order());
            var covered = table.Keys.Select(label => Command(label, kind).GetType()).ToHashSet();
            Assert.Equal(commandTypes.OrderBy(t => t.Name).Select(t => t.Name), covered.OrderBy(t => t.Name).Select(t => t.Name));
        }
    }

    [Fact]
    public void Terminal_statuses_refuse_everything_but_reclassification()
    {
        foreach (var kind in Samples.Kinds)
            foreach (var (label, cells) in ExpectedFor(kind))
                for (var i = 0; i < Columns.Length; i++)
                    if (Columns[i].IsTerminal() && label != "Reclassify")
                        Assert.Equal("-", cells[i]);
    }
}
