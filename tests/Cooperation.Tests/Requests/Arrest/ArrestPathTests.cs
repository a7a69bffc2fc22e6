using Cooperation.Deadlines;
using Cooperation.Requests;
using Cooperation.Requests.Arrest;
using static Cooperation.Requests.Arrest.ArrestCommand;

namespace Cooperation.Tests.Requests.Arrest;

public class ArrestPathTests
{
    private static readonly DateOnly ArrestDate = new(2025, 4, 3);

    private static readonly ArrestStage[] Columns =
    [
        ArrestStage.ProvisionalArrestRequested, ArrestStage.SurrenderRequested, ArrestStage.Arrested,
        ArrestStage.AwaitingDocuments, ArrestStage.ReleasedPendingDocuments, ArrestStage.SurrenderDeferred,
        ArrestStage.TemporarilySurrendered, ArrestStage.SurrenderArranged, ArrestStage.Surrendered,
    ];

    private static readonly Dictionary<string, ArrestStage> Abbreviations = new()
    {
        ["PAR"] = ArrestStage.ProvisionalArrestRequested, ["SR"] = ArrestStage.SurrenderRequested, ["Ar"] = ArrestStage.Arrested,
        ["AD"] = ArrestStage.AwaitingDocuments, ["RPD"] = ArrestStage.ReleasedPendingDocuments,
        ["SD"] = ArrestStage.SurrenderDeferred, ["TS"] = ArrestStage.TemporarilySurrendered,
        ["SA"] = ArrestStage.SurrenderArranged, ["Su"] = ArrestStage.Surrendered,
    };

    // Provisional arrest (Art 92), documents not yet received.
    private const string ProvisionalTable = """
        command                PAR   SR    Ar    AD    RPD   SD    TS    SA    Su
        RecordArrest           Ar    Ar    -     -     Ar    -     -     -     -
        AwaitDocuments         -     -     AD    -     -     -     -     -     -
        DocumentsReceived      PAR   -     Ar    Ar    RPD   -     -     -     -
        Release                -     -     -     RPD   -     -     -     -     -
        ReleaseEarly           -     -     -     !release-before-period-ends  -     -     -     -     -
        JudicialAuthority      -     -     Ar    AD    -     -     -     -     -
        InterimRelease         -     -     Ar    AD    -     -     -     -     -
        OrderSurrender         -     -     !documents-required  !documents-required  -     -     -     -     -
        OrderWithConsent       -     -     Ar    AD    -     -     -     -     -
        ArrangeSurrender       -     -     !documents-required  !documents-required  -     SA    -     SA    -
        ArrangeWithConsent     -     -     SA    SA    -     SA    -     SA    -
        RecordSurrender        -     -     -     -     -     -     -     Su    -
        DeferSurrender         -     -     !surrender-order-required  !surrender-order-required  -     -     -     -     -
        SurrenderTemporarily   -     -     !surrender-order-required  !surrender-order-required  -     !surrender-order-required  -     -     -
        RecordReturn           -     -     -     -     -     -     SD    -     -
        """;

    // Arrest and surrender (Art 89(1), 91): the documents came with the request.
    private const string SurrenderTable = """
        command                PAR   SR    Ar    AD    RPD   SD    TS    SA    Su
        RecordArrest           Ar    Ar    -     -     Ar    -     -     -     -
        AwaitDocuments         -     -     !documents-already-received  -     -     -     -     -     -
        DocumentsReceived      !documents-already-received  -     !documents-already-received  !documents-already-received  !documents-already-received  -     -     -     -
        Release                -     -     -     RPD   -     -     -     -     -
        ReleaseEarly           -     -     -     !release-before-period-ends  -     -     -     -     -
        JudicialAuthority      -     -     Ar    AD    -     -     -     -     -
        InterimRelease         -     -     Ar    AD    -     -     -     -     -
        OrderSurrender         -     -     Ar    AD    -     -     -     -     -
        OrderWithConsent       -     -     Ar    AD    -     -     -     -     -
        ArrangeSurrender       -     -     SA    SA    -     SA    -     SA    -
        ArrangeWithConsent     -     -     SA    SA    -     SA    -     SA    -
        RecordSurrender        -     -     -     -     -     -     -     Su    -
        DeferSurrender         -     -     !surrender-order-required  !surrender-order-required  -     -     -     -     -
        SurrenderTemporarily   -     -     !surrender-order-required  !surrender-order-required  -     !surrender-order-required  -     -     -
        RecordReturn           -     -     -     -     -     -     SD    -     -
        """;

    private static ArrestCommand Command(string label) => label switch
    {
        "RecordArrest" => new RecordArrest(ArrestDate),
        "AwaitDocuments" => new AwaitDocuments(),
        "DocumentsReceived" => new RecordDocumentsReceived(new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero)),
        "Release" => new Release(new DateOnly(2025, 6, 3)),
        "ReleaseEarly" => new Release(new DateOnly(2025, 6, 2)),
        "JudicialAuthority" => new BringBeforeJudicialAuthority(new DateOnly(2025, 4, 4)),
        "InterimRelease" => new GrantInterimRelease(new DateOnly(2025, 4, 20)),
        "OrderSurrender" => new OrderSurrender(new DateOnly(2025, 5, 2)),
        "OrderWithConsent" => new OrderSurrender(new DateOnly(2025, 5, 2), ConsentToSurrender: true),
        "ArrangeSurrender" => new ArrangeSurrender(new DateOnly(2025, 6, 10)),
        "ArrangeWithConsent" => new ArrangeSurrender(new DateOnly(2025, 6, 10), ConsentToSurrender: true),
        "RecordSurrender" => new RecordSurrender(new DateOnly(2025, 6, 10)),
        "DeferSurrender" => new DeferSurrender(new DateOnly(2025, 5, 3), CourtConsulted: true),
        "SurrenderTemporarily" => new SurrenderTemporarily(new DateOnly(2025, 5, 3), CourtConsulted: true, "Custody at the Court; return within 30 days of the hearing"),
        "RecordReturn" => new RecordReturn(new DateOnly(2025, 7, 1)),
        _ => throw new ArgumentOutOfRangeException(nameof(label)),
    };

    public static TheoryData<RequestKind, ArrestStage, string, string> Cases()
    {
        var data = new TheoryData<RequestKind, ArrestStage, string, string>();
        foreach (var (kind, table) in new[] { (RequestKind.ProvisionalArrest, ProvisionalTable), (RequestKind.ArrestAndSurrender, SurrenderTable) })
            foreach (var line in table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1))
            {
                var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal(Columns.Length + 1, cells.Length);
                for (var i = 0; i < Columns.Length; i++)
                    data.Add(kind, Columns[i], cells[0], cells[i + 1]);
            }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides_as_the_table_says(RequestKind kind, ArrestStage stage, string command, string expected)
    {
        var current = ArrestSnapshot.Start(kind) with { Stage = stage, ArrestDate = ArrestDate };
        var decision = ArrestPath.Decide(current, Command(command));
        if (expected == "-" || expected.StartsWith('!'))
        {
            var refused = Assert.IsType<ArrestDecision.Refused>(decision);
            Assert.Equal(expected == "-" ? ArrestErrors.IllegalTransition : expected[1..], refused.Code);
            return;
        }
        Assert.Equal(Abbreviations[expected], Assert.IsType<ArrestDecision.Accepted>(decision).Snapshot.Stage);
    }

    [Fact]
    public void The_tables_cover_every_stage_and_command()
    {
        Assert.Equal(Enum.GetValues<ArrestStage>().Order(), Columns.Order());
        var commandTypes = typeof(ArrestCommand).GetNestedTypes().Where(t => t.IsSubclassOf(typeof(ArrestCommand))).Select(t => t.Name).Order();
        var labels = Cases().Select(row => (string)row[2]).Distinct().Select(l => Command(l).GetType().Name).Distinct().Order();
        Assert.Equal(commandTypes, labels);
    }

    [Fact]
    public void Awaiting_documents_starts_the_60_day_timer_from_the_arrest_date()
    {
        // Hungary-like dates: provisional arrest on 3 April 2025.
        var arrested = Accepted(ArrestSnapshot.Start(RequestKind.ProvisionalArrest), new RecordArrest(ArrestDate)).Snapshot;
        Assert.Equal(ArrestDate, arrested.ArrestDate);
        var awaiting = Accepted(arrested, new AwaitDocuments());
        var expectedDue = new DateTimeOffset(2025, 6, 3, 0, 0, 0, TimeSpan.Zero); // end of 2 June, the 60th day
        Assert.Equal(expectedDue, awaiting.Snapshot.DocumentsDueAt);
        Assert.Equal(new Deadline(DeadlineKind.SurrenderDocuments, expectedDue), awaiting.DeadlineStarted);
    }

    [Fact]
    public void Documents_arriving_end_the_timer_and_late_documents_are_still_received()
    {
        var awaiting = ArrestSnapshot.Start(RequestKind.ProvisionalArrest) with
        {
            Stage = ArrestStage.AwaitingDocuments, ArrestDate = ArrestDate,
            DocumentsDueAt = new DateTimeOffset(2025, 6, 3, 0, 0, 0, TimeSpan.Zero),
        };
        var onTime = Accepted(awaiting, new RecordDocumentsReceived(new DateTimeOffset(2025, 6, 2, 23, 59, 0, TimeSpan.Zero)));
        Assert.Equal(DeadlineKind.SurrenderDocuments, onTime.DeadlineEnded);
        Assert.True(onTime.Snapshot.DocumentsReceived);
        Assert.Null(onTime.Snapshot.DocumentsDueAt);
        Assert.DoesNotContain("after the RPE 188 period", onTime.Description);
        var late = Accepted(awaiting, new RecordDocumentsReceived(new DateTimeOffset(2025, 6, 3, 0, 0, 0, TimeSpan.Zero)));
        Assert.Contains("after the RPE 188 period", late.Description);
    }

    [Fact]
    public void Release_pending_documents_keeps_the_path_open_for_a_later_arrest_and_surrender()
    {
        var awaiting = ArrestSnapshot.Start(RequestKind.ProvisionalArrest) with { Stage = ArrestStage.AwaitingDocuments, ArrestDate = ArrestDate };
        var released = Accepted(awaiting, new Release(new DateOnly(2025, 6, 3)));
        Assert.Equal(DeadlineKind.SurrenderDocuments, released.DeadlineEnded);
        var withDocuments = Accepted(released.Snapshot, new RecordDocumentsReceived(new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.Zero))).Snapshot;
        var rearrested = Accepted(withDocuments, new RecordArrest(new DateOnly(2025, 10, 1)));
        Assert.Equal("person-rearrested", rearrested.Event);
        Assert.Equal(new DateOnly(2025, 10, 1), rearrested.Snapshot.ArrestDate);
        Assert.Null(rearrested.Snapshot.ReleasedOn);
        var arranged = Accepted(rearrested.Snapshot, new ArrangeSurrender(new DateOnly(2025, 10, 20))).Snapshot;
        Assert.Equal(ArrestStage.Surrendered, Accepted(arranged, new RecordSurrender(new DateOnly(2025, 10, 20))).Snapshot.Stage);
    }

    [Fact]
    public void Art92_3_release_only_once_the_60_days_have_run_without_documents()
    {
        // Arrest on 3 April 2025: the 60th day is 2 June, so release is lawful from 3 June.
        var awaiting = Accepted(Accepted(ArrestSnapshot.Start(RequestKind.ProvisionalArrest), new RecordArrest(ArrestDate)).Snapshot,
            new AwaitDocuments()).Snapshot;
        foreach (var early in new[] { new DateOnly(2025, 4, 10), new DateOnly(2025, 6, 2) })
        {
            var refused = Assert.IsType<ArrestDecision.Refused>(ArrestPath.Decide(awaiting, new Release(early)));
            Assert.Equal(ArrestErrors.ReleaseBeforePeriodEnds, refused.Code);
            Assert.Contains("Art 59(3)-(6)", refused.Message);
        }
        var released = Accepted(awaiting, new Release(new DateOnly(2025, 6, 3)));
        Assert.Equal(ArrestStage.ReleasedPendingDocuments, released.Snapshot.Stage);
        Assert.Contains("Art 92(3)", released.Description);
    }

    [Fact]
    public void Art59_3_an_earlier_release_is_interim_release_and_the_60_day_period_goes_on()
    {
        var awaiting = Accepted(Accepted(ArrestSnapshot.Start(RequestKind.ProvisionalArrest), new RecordArrest(ArrestDate)).Snapshot,
            new AwaitDocuments()).Snapshot;
        var interim = Accepted(awaiting, new GrantInterimRelease(new DateOnly(2025, 4, 10)));
        Assert.Equal(ArrestStage.AwaitingDocuments, interim.Snapshot.Stage);
        Assert.Equal(new DateOnly(2025, 4, 10), interim.Snapshot.InterimReleasedOn);
        Assert.Equal(awaiting.DocumentsDueAt, interim.Snapshot.DocumentsDueAt);
        Assert.Null(interim.DeadlineEnded);
        Assert.Contains("Art 59(3)-(6)", interim.Description);
        // The documents still come, and surrender follows.
        var withDocuments = Accepted(interim.Snapshot, new RecordDocumentsReceived(new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero))).Snapshot;
        Assert.Equal(ArrestStage.SurrenderArranged, Accepted(withDocuments, new ArrangeSurrender(new DateOnly(2025, 5, 20))).Snapshot.Stage);
    }

    [Fact]
    public void Art59_2_the_person_is_brought_before_the_competent_judicial_authority()
    {
        var arrested = Accepted(ArrestSnapshot.Start(RequestKind.ArrestAndSurrender), new RecordArrest(ArrestDate)).Snapshot;
        var brought = Accepted(arrested, new BringBeforeJudicialAuthority(new DateOnly(2025, 4, 4)));
        Assert.Equal(new DateOnly(2025, 4, 4), brought.Snapshot.BroughtBeforeJudicialAuthorityOn);
        Assert.Equal("brought-before-judicial-authority", brought.Event);
        Assert.Contains("Art 59(2)", brought.Description);
        Assert.Equal(ArrestErrors.DateBeforeArrest,
            Assert.IsType<ArrestDecision.Refused>(ArrestPath.Decide(arrested, new BringBeforeJudicialAuthority(new DateOnly(2025, 4, 2)))).Code);
    }

    [Fact]
    public void Art59_7_once_surrender_is_ordered_the_person_is_delivered_as_soon_as_possible()
    {
        var arrested = Accepted(ArrestSnapshot.Start(RequestKind.ArrestAndSurrender), new RecordArrest(ArrestDate)).Snapshot;
        var ordered = Accepted(arrested, new OrderSurrender(new DateOnly(2025, 5, 2)));
        Assert.Equal(new DateOnly(2025, 5, 2), ordered.Snapshot.SurrenderOrderedOn);
        Assert.Equal("surrender-ordered", ordered.Event);
        Assert.Contains("as soon as possible (Art 59(7))", ordered.Description);
        Assert.Equal(ArrestStage.Surrendered, Accepted(Accepted(ordered.Snapshot, new ArrangeSurrender(new DateOnly(2025, 5, 9))).Snapshot,
            new RecordSurrender(new DateOnly(2025, 5, 9))).Snapshot.Stage);
    }

    private static ArrestSnapshot SurrenderOrdered() =>
        Accepted(Accepted(ArrestSnapshot.Start(RequestKind.ArrestAndSurrender), new RecordArrest(ArrestDate)).Snapshot,
            new OrderSurrender(new DateOnly(2025, 5, 2))).Snapshot;

    [Fact]
    public void Art89_4_deferral_follows_the_decision_to_grant_and_a_consultation_with_the_Court()
    {
        var arrested = Accepted(ArrestSnapshot.Start(RequestKind.ArrestAndSurrender), new RecordArrest(ArrestDate)).Snapshot;
        Assert.Equal(ArrestErrors.SurrenderOrderRequired,
            Assert.IsType<ArrestDecision.Refused>(ArrestPath.Decide(arrested, new DeferSurrender(new DateOnly(2025, 5, 3), CourtConsulted: true))).Code);
        var ordered = SurrenderOrdered();
        var unconsulted = Assert.IsType<ArrestDecision.Refused>(ArrestPath.Decide(ordered, new DeferSurrender(new DateOnly(2025, 5, 3), CourtConsulted: false)));
        Assert.Equal(ArrestErrors.ConsultationRequired, unconsulted.Code);
        Assert.Contains("Art 89(4)", unconsulted.Message);

        var deferred = Accepted(ordered, new DeferSurrender(new DateOnly(2025, 5, 3), CourtConsulted: true, ExpectedUntil: new DateOnly(2027, 1, 1)));
        Assert.Equal(ArrestStage.SurrenderDeferred, deferred.Snapshot.Stage);
        Assert.Equal("surrender-deferred", deferred.Event);
        Assert.Equal(new DateOnly(2027, 1, 1), deferred.Snapshot.DeferredUntil);
        Assert.Contains("Art 89(4)", deferred.Description);
        // Once the national proceedings or sentence end, surrender is arranged and made as usual (RPE 184).
        var arranged = Accepted(deferred.Snapshot, new ArrangeSurrender(new DateOnly(2027, 1, 10))).Snapshot;
        Assert.Equal(ArrestStage.Surrendered, Accepted(arranged, new RecordSurrender(new DateOnly(2027, 1, 10))).Snapshot.Stage);
    }

    [Fact]
    public void Art89_4_a_provisional_arrest_deferred_after_consent_ends_the_RPE_188_timer()
    {
        var awaiting = Accepted(Accepted(ArrestSnapshot.Start(RequestKind.ProvisionalArrest), new RecordArrest(ArrestDate)).Snapshot,
            new AwaitDocuments()).Snapshot;
        var ordered = Accepted(awaiting, new OrderSurrender(new DateOnly(2025, 4, 10), ConsentToSurrender: true)).Snapshot;
        var deferred = Accepted(ordered, new DeferSurrender(new DateOnly(2025, 4, 11), CourtConsulted: true));
        Assert.Equal(DeadlineKind.SurrenderDocuments, deferred.DeadlineEnded);
        Assert.Null(deferred.Snapshot.DocumentsDueAt);
    }

    [Fact]
    public void RPE183_temporary_surrender_needs_the_89_4_consultation_and_conditions_agreed_with_the_Court()
    {
        var ordered = SurrenderOrdered();
        Assert.Equal(ArrestErrors.ConsultationRequired, Assert.IsType<ArrestDecision.Refused>(
            ArrestPath.Decide(ordered, new SurrenderTemporarily(new DateOnly(2025, 5, 3), CourtConsulted: false, "Custody at the Court"))).Code);
        foreach (var none in new[] { null, " " })
            Assert.Equal(ArrestErrors.ConditionsRequired, Assert.IsType<ArrestDecision.Refused>(
                ArrestPath.Decide(ordered, new SurrenderTemporarily(new DateOnly(2025, 5, 3), CourtConsulted: true, none))).Code);

        var temporary = Accepted(ordered, new SurrenderTemporarily(new DateOnly(2025, 5, 3), CourtConsulted: true, " Custody at the Court "));
        Assert.Equal(ArrestStage.TemporarilySurrendered, temporary.Snapshot.Stage);
        Assert.Equal("Custody at the Court", temporary.Snapshot.TemporarySurrenderConditions);
        Assert.Equal("temporarily-surrendered", temporary.Event);
        Assert.Contains("RPE 183", temporary.Description);
        // A temporary surrender is not the surrender: it cannot be recorded as such.
        Assert.Equal(ArrestErrors.IllegalTransition,
            Assert.IsType<ArrestDecision.Refused>(ArrestPath.Decide(temporary.Snapshot, new RecordSurrender(new DateOnly(2025, 6, 1)))).Code);
    }

    [Fact]
    public void RPE183_the_temporarily_surrendered_person_returns_to_the_State_and_final_surrender_follows()
    {
        var deferred = Accepted(SurrenderOrdered(), new DeferSurrender(new DateOnly(2025, 5, 3), CourtConsulted: true)).Snapshot;
        // Temporary surrender is also possible during a deferral.
        var temporary = Accepted(deferred, new SurrenderTemporarily(new DateOnly(2025, 6, 1), CourtConsulted: true, "Custody at the Court")).Snapshot;
        Assert.Equal(ArrestErrors.DateBeforeArrest,
            Assert.IsType<ArrestDecision.Refused>(ArrestPath.Decide(temporary, new RecordReturn(new DateOnly(2025, 5, 31)))).Code);
        var returned = Accepted(temporary, new RecordReturn(new DateOnly(2025, 9, 1)));
        Assert.Equal(ArrestStage.SurrenderDeferred, returned.Snapshot.Stage);
        Assert.Equal(new DateOnly(2025, 9, 1), returned.Snapshot.ReturnedOn);
        Assert.Equal("returned-after-temporary-surrender", returned.Event);
        Assert.Contains("RPE 183", returned.Description);
        var arranged = Accepted(returned.Snapshot, new ArrangeSurrender(new DateOnly(2027, 1, 10))).Snapshot;
        Assert.Equal(ArrestStage.Surrendered, Accepted(arranged, new RecordSurrender(new DateOnly(2027, 1, 10))).Snapshot.Stage);
    }

    [Fact]
    public void The_timer_cannot_start_without_an_arrest_date()
    {
        var arrested = ArrestSnapshot.Start(RequestKind.ProvisionalArrest) with { Stage = ArrestStage.Arrested };
        var refused = Assert.IsType<ArrestDecision.Refused>(ArrestPath.Decide(arrested, new AwaitDocuments()));
        Assert.Equal(ArrestErrors.ArrestDateRequired, refused.Code);
    }

    [Theory]
    [InlineData(RequestKind.Transit)]
    [InlineData(RequestKind.OtherAssistance)]
    public void Only_arrest_requests_have_an_arrest_path(RequestKind kind) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ArrestSnapshot.Start(kind));

    private static ArrestDecision.Accepted Accepted(ArrestSnapshot s, ArrestCommand c) =>
        Assert.IsType<ArrestDecision.Accepted>(ArrestPath.Decide(s, c));
}
