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
        ArrestStage.AwaitingDocuments, ArrestStage.ReleasedPendingDocuments, ArrestStage.SurrenderArranged, ArrestStage.Surrendered,
    ];

    private static readonly Dictionary<string, ArrestStage> Abbreviations = new()
    {
        ["PAR"] = ArrestStage.ProvisionalArrestRequested, ["SR"] = ArrestStage.SurrenderRequested, ["Ar"] = ArrestStage.Arrested,
        ["AD"] = ArrestStage.AwaitingDocuments, ["RPD"] = ArrestStage.ReleasedPendingDocuments,
        ["SA"] = ArrestStage.SurrenderArranged, ["Su"] = ArrestStage.Surrendered,
    };

    // Provisional arrest (Art 92), documents not yet received.
    private const string ProvisionalTable = """
        command              PAR  SR   Ar   AD   RPD  SA   Su
        RecordArrest         Ar   Ar   -    -    Ar   -    -
        AwaitDocuments       -    -    AD   -    -    -    -
        DocumentsReceived    PAR  -    Ar   Ar   RPD  -    -
        Release              -    -    -    RPD  -    -    -
        ReleaseEarly         -    -    -    !release-before-period-ends  -    -    -
        JudicialAuthority    -    -    Ar   AD   -    -    -
        InterimRelease       -    -    Ar   AD   -    -    -
        OrderSurrender       -    -    !documents-required  !documents-required  -    -    -
        OrderWithConsent     -    -    Ar   AD   -    -    -
        ArrangeSurrender     -    -    !documents-required  !documents-required  -    SA   -
        ArrangeWithConsent   -    -    SA   SA   -    SA   -
        RecordSurrender      -    -    -    -    -    Su   -
        """;

    // Arrest and surrender (Art 89(1), 91): the documents came with the request.
    private const string SurrenderTable = """
        command              PAR  SR   Ar   AD   RPD  SA   Su
        RecordArrest         Ar   Ar   -    -    Ar   -    -
        AwaitDocuments       -    -    !documents-already-received  -    -    -    -
        DocumentsReceived    !documents-already-received  -    !documents-already-received  !documents-already-received  !documents-already-received  -    -
        Release              -    -    -    RPD  -    -    -
        ReleaseEarly         -    -    -    !release-before-period-ends  -    -    -
        JudicialAuthority    -    -    Ar   AD   -    -    -
        InterimRelease       -    -    Ar   AD   -    -    -
        OrderSurrender       -    -    Ar   AD   -    -    -
        OrderWithConsent     -    -    Ar   AD   -    -    -
        ArrangeSurrender     -    -    SA   SA   -    SA   -
        ArrangeWithConsent   -    -    SA   SA   -    SA   -
        RecordSurrender      -    -    -    -    -    Su   -
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
