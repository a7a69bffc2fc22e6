using Cooperation.Requests;
using Cooperation.Validation;

namespace Cooperation.Tests.Requests;

public class RequestCompletenessTests
{
    private static string[] Elements(IReadOnlyList<InvalidElement> problems) =>
        [.. problems.Select(p => p.Element).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(KindsData))]
    public void Complete_contents_in_an_accepted_language_have_no_problems(RequestKind kind)
    {
        var problems = RequestCompleteness.Check(kind, Samples.Complete(kind), "fr", Samples.Accepted);
        Assert.Empty(problems);
    }

    public static TheoryData<RequestKind> KindsData() => new(Samples.Kinds);

    public static TheoryData<RequestKind, string[]> EmptyContentsData() => new()
    {
        // Art 91(2)(a)-(c)
        { RequestKind.ArrestAndSurrender, ["contents.person.description", "contents.person.name", "contents.probableLocation", "contents.supportingDocuments", "contents.warrant"] },
        // Art 92(2)(a)-(d)
        { RequestKind.ProvisionalArrest, ["contents.facts", "contents.person.name", "contents.probableLocation", "contents.surrenderRequestWillFollow", "contents.warrantExistsStatement"] },
        // Art 89(3)(b)(i)-(iii)
        { RequestKind.Transit, ["contents.facts", "contents.person.description", "contents.warrant"] },
        // Art 93(1), 96(2)
        { RequestKind.OtherAssistance, ["contents.facts", "contents.legalBasis", "contents.measure", "contents.personsAndPlaces", "contents.procedureToFollow", "contents.purpose", "contents.replyBy"] },
    };

    [Theory]
    [MemberData(nameof(EmptyContentsData))]
    public void Empty_contents_list_every_required_element_of_the_kind_at_once(RequestKind kind, string[] expected)
    {
        var problems = RequestCompleteness.Check(kind, new RequestContents(), "fr", Samples.Accepted);
        Assert.Equal(expected.Order(StringComparer.Ordinal), Elements(problems));
    }

    [Fact]
    public void Missing_contents_and_a_wrong_language_are_reported_together()
    {
        var problems = RequestCompleteness.Check(RequestKind.Transit, new RequestContents(), "de", Samples.Accepted);
        Assert.Equal(["contents.facts", "contents.person.description", "contents.warrant", "language"], Elements(problems));
    }

    [Fact]
    public void Whitespace_is_as_good_as_missing()
    {
        var contents = Samples.Complete(RequestKind.ArrestAndSurrender) with
        {
            Person = new PersonParticulars { Name = "  ", Description = "\t" },
            ProbableLocation = " ",
        };
        var problems = RequestCompleteness.Check(RequestKind.ArrestAndSurrender, contents, "fr", Samples.Accepted);
        Assert.Equal(["contents.person.description", "contents.person.name", "contents.probableLocation"], Elements(problems));
    }

    [Fact]
    public void Documents_without_reference_or_with_a_malformed_hash_are_named_by_index()
    {
        var contents = Samples.Complete(RequestKind.ArrestAndSurrender) with
        {
            Warrant = new DocumentReference { Reference = null, Sha256 = "not-a-hash" },
            SupportingDocuments = [new() { Reference = "ok" }, new() { Reference = "", Sha256 = new string('F', 64) }],
        };
        var problems = RequestCompleteness.Check(RequestKind.ArrestAndSurrender, contents, "fr", Samples.Accepted);
        Assert.Equal(["contents.supportingDocuments[1].reference", "contents.warrant.reference", "contents.warrant.sha256"], Elements(problems));
    }

    [Fact]
    public void Blank_persons_and_places_entries_are_named_by_index()
    {
        var contents = Samples.Complete(RequestKind.OtherAssistance) with { PersonsAndPlaces = ["a place", " "] };
        var problems = RequestCompleteness.Check(RequestKind.OtherAssistance, contents, "fr", Samples.Accepted);
        Assert.Equal(["contents.personsAndPlaces[1]"], Elements(problems));
    }

    [Fact]
    public void An_undefined_measure_is_invalid()
    {
        var contents = Samples.Complete(RequestKind.OtherAssistance) with { Measure = (AssistanceMeasure)99 };
        var problems = RequestCompleteness.Check(RequestKind.OtherAssistance, contents, "fr", Samples.Accepted);
        Assert.Equal(["contents.measure"], Elements(problems));
    }

    [Fact]
    public void Provisional_arrest_statements_must_be_made()
    {
        var contents = Samples.Complete(RequestKind.ProvisionalArrest) with { WarrantExistsStatement = false, SurrenderRequestWillFollow = false };
        var problems = RequestCompleteness.Check(RequestKind.ProvisionalArrest, contents, "fr", Samples.Accepted);
        Assert.Equal(["contents.surrenderRequestWillFollow", "contents.warrantExistsStatement"], Elements(problems));
    }

    [Theory]
    [InlineData("fr", null, null)]
    [InlineData("FR", null, null)]
    [InlineData(" en ", null, null)]
    [InlineData("es", null, "language")]
    [InlineData("es", "fr", null)]
    [InlineData("es", "de", "translationLanguage")]
    [InlineData("", null, "language")]
    [InlineData("", "fr", "language")]
    public void Art87_2_language_must_be_accepted_unless_translated_into_an_accepted_one(string language, string? translation, string? invalid)
    {
        var problems = RequestCompleteness.Check(RequestKind.Transit, Samples.Complete(RequestKind.Transit), language, Samples.Accepted, translation);
        Assert.Equal(invalid is null ? [] : [invalid], Elements(problems));
    }

    [Fact]
    public void RPE178_English_is_not_accepted_unless_the_register_says_so()
    {
        // RPE 178: English or French only where the State chose it; here the State accepts Spanish only.
        var problems = RequestCompleteness.Check(RequestKind.Transit, Samples.Complete(RequestKind.Transit), "en", ["es"]);
        Assert.Equal(["language"], Elements(problems));
    }

    [Theory]
    [InlineData("en", null, true)]
    [InlineData("fr", null, true)]
    [InlineData("es", null, false)]
    [InlineData("es", "en", true)]
    [InlineData("es", "pt", false)]
    public void RPE178_2_where_the_state_designated_no_language_English_or_French_is_complete(string language, string? translation, bool complete)
    {
        var problems = RequestCompleteness.Check(RequestKind.Transit, Samples.Complete(RequestKind.Transit), language, [], translation);
        Assert.Equal(complete, problems.Count == 0);
        Assert.Equal(["en", "fr"], RequestCompleteness.Acceptable([]));
    }

    [Fact]
    public void Art87_2_supporting_documents_must_be_in_or_translated_into_an_accepted_language()
    {
        var contents = Samples.Complete(RequestKind.ArrestAndSurrender) with
        {
            Warrant = new DocumentReference { Reference = "W-1", Language = "en" },
            SupportingDocuments =
            [
                new() { Reference = "D-1" },                                        // the request's language
                new() { Reference = "D-2", Language = "ar" },                       // untranslated
                new() { Reference = "D-3", Language = "ar", TranslationLanguage = "fr" },
                new() { Reference = "D-4", Language = "ar", TranslationLanguage = "de" },
            ],
        };
        var problems = RequestCompleteness.Check(RequestKind.ArrestAndSurrender, contents, "fr", Samples.Accepted);
        Assert.Equal(["contents.supportingDocuments[1].language", "contents.supportingDocuments[3].translationLanguage"], Elements(problems));
    }

    [Fact]
    public void Problems_never_repeat_the_submitted_values()
    {
        var contents = new RequestContents
        {
            Person = new PersonParticulars { Name = Samples.SecretName },
            Warrant = new DocumentReference { Reference = "", Sha256 = Samples.SecretName },
        };
        var problems = RequestCompleteness.Check(RequestKind.ArrestAndSurrender, contents, "xx-" + Samples.SecretName, Samples.Accepted);
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.DoesNotContain("Zebulon", p.Problem + p.Element));
    }
}
