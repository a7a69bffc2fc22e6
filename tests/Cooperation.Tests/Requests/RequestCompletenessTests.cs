using Cooperation.Register;
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
        // Art 91(2)(a)-(b); (c) only as the register records the State's requirements (91(4))
        { RequestKind.ArrestAndSurrender, ["contents.person.description", "contents.person.name", "contents.probableLocation", "contents.warrant"] },
        // Art 92(2)(a)-(d)
        { RequestKind.ProvisionalArrest, ["contents.facts", "contents.person.description", "contents.person.name", "contents.probableLocation", "contents.surrenderRequestWillFollow", "contents.warrantExistsStatement"] },
        // Art 89(3)(b)(i)-(iii)
        { RequestKind.Transit, ["contents.facts", "contents.person.description", "contents.warrant"] },
        // Art 93(1), 96(2)(a), (c); (b), (d), (e) as applicable
        { RequestKind.OtherAssistance, ["contents.facts", "contents.legalBasis", "contents.measure", "contents.purpose", "contents.replyBy"] },
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
    public void Art91_2_c_supporting_documents_follow_the_states_recorded_requirements_not_at_least_one()
    {
        var none = Samples.Complete(RequestKind.ArrestAndSurrender) with { SupportingDocuments = [] };
        Assert.Empty(RequestCompleteness.Check(RequestKind.ArrestAndSurrender, none, "fr", Samples.Accepted));

        var recorded = new NationalRequirements(["Certified copy of the warrant", "Statement of the law"], []);
        var problems = RequestCompleteness.Check(RequestKind.ArrestAndSurrender, none, "fr", Samples.Accepted, requirements: recorded);
        Assert.Equal(2, problems.Count(p => p.Element == "contents.supportingDocuments" && p.Problem.Contains("91(4)")));

        var met = none with
        {
            SupportingDocuments =
            [
                new() { Reference = "D-1", Requirement = "certified copy of the warrant" },
                new() { Reference = "D-2", Requirement = "Statement of the law" },
            ],
        };
        Assert.Empty(RequestCompleteness.Check(RequestKind.ArrestAndSurrender, met, "fr", Samples.Accepted, requirements: recorded));
    }

    [Fact]
    public void Art91_3_a_request_for_a_convicted_person_needs_the_judgment_identity_sentence_and_time_served_and_remaining()
    {
        var contents = Samples.Complete(RequestKind.ArrestAndSurrender) with { Warrant = null, Conviction = new ConvictionParticulars() };
        var problems = RequestCompleteness.Check(RequestKind.ArrestAndSurrender, contents, "fr", Samples.Accepted);
        Assert.Equal(["contents.conviction.identityEvidence", "contents.conviction.judgment", "contents.conviction.sentence",
            "contents.conviction.timeRemaining", "contents.conviction.timeServed"], Elements(problems));

        var complete = contents with
        {
            Conviction = new ConvictionParticulars
            {
                Judgment = new() { Reference = "ICC-01/99-01/26-900" }, Sentence = new() { Reference = "ICC-01/99-01/26-901" },
                IdentityEvidence = "Fingerprints match those taken at trial", TimeServed = "4 years", TimeRemaining = "8 years",
            },
        };
        // 91(3)(a): a copy of "any" warrant — none is required.
        Assert.Empty(RequestCompleteness.Check(RequestKind.ArrestAndSurrender, complete, "fr", Samples.Accepted));
    }

    [Fact]
    public void Art92_2_a_a_provisional_arrest_needs_a_description_of_the_person()
    {
        var contents = Samples.Complete(RequestKind.ProvisionalArrest) with { Person = new PersonParticulars { Name = "N" } };
        Assert.Equal(["contents.person.description"], Elements(RequestCompleteness.Check(RequestKind.ProvisionalArrest, contents, "fr", Samples.Accepted)));
    }

    [Theory]
    [InlineData(AssistanceMeasure.TakeEvidence, true)]
    [InlineData(AssistanceMeasure.LocatePersonsOrItems, true)]
    [InlineData(AssistanceMeasure.SearchAndSeizure, true)]
    [InlineData(AssistanceMeasure.RecordsAndDocuments, false)]
    [InlineData(AssistanceMeasure.FreezeAssets, false)]
    [InlineData(AssistanceMeasure.OtherAssistance, false)]
    public void Art96_2_b_persons_and_places_are_required_as_applicable_to_the_measure(AssistanceMeasure measure, bool required)
    {
        var contents = Samples.Complete(RequestKind.OtherAssistance) with { Measure = measure, PersonsAndPlaces = [] };
        var problems = RequestCompleteness.Check(RequestKind.OtherAssistance, contents, "fr", Samples.Accepted);
        Assert.Equal(required, problems.Any(p => p.Element == "contents.personsAndPlaces" && p.Problem.Contains("96(2)(b)")));
        Assert.Equal(required, RequestCompleteness.NeedsPersonsOrPlaces(measure));
    }

    [Fact]
    public void Art96_2_d_a_procedure_is_optional_but_comes_with_its_reasons()
    {
        var without = Samples.Complete(RequestKind.OtherAssistance) with { ProcedureToFollow = null, ProcedureReasons = null };
        Assert.Empty(RequestCompleteness.Check(RequestKind.OtherAssistance, without, "fr", Samples.Accepted));
        var unexplained = Samples.Complete(RequestKind.OtherAssistance) with { ProcedureReasons = " " };
        Assert.Equal(["contents.procedureReasons"], Elements(RequestCompleteness.Check(RequestKind.OtherAssistance, unexplained, "fr", Samples.Accepted)));
    }

    [Fact]
    public void Art96_2_e_the_information_the_states_law_needs_is_required_where_the_register_records_it()
    {
        var recorded = new NationalRequirements([], ["Name of the national judge to be seized"]);
        var contents = Samples.Complete(RequestKind.OtherAssistance);
        Assert.Empty(RequestCompleteness.Check(RequestKind.OtherAssistance, contents, "fr", Samples.Accepted));
        Assert.Equal(["contents.nationalLawInformation"],
            Elements(RequestCompleteness.Check(RequestKind.OtherAssistance, contents, "fr", Samples.Accepted, requirements: recorded)));
        Assert.Empty(RequestCompleteness.Check(RequestKind.OtherAssistance, contents with { NationalLawInformation = "Judge of the capital district" },
            "fr", Samples.Accepted, requirements: recorded));
    }

    [Fact]
    public void Art87_4_protective_measures_travel_with_the_request_each_saying_what_it_is()
    {
        var contents = Samples.Complete(RequestKind.OtherAssistance) with
        {
            ProtectiveMeasures = [new() { Measure = "Pseudonym in all records", Protects = "Witness" }, new() { Protects = "Family" }],
        };
        Assert.Equal(["contents.protectiveMeasures[1].measure"],
            Elements(RequestCompleteness.Check(RequestKind.OtherAssistance, contents, "fr", Samples.Accepted)));
    }

    [Fact]
    public void RPE187_a_translation_for_the_person_is_optional_but_complete_when_given()
    {
        var none = Samples.Complete(RequestKind.ArrestAndSurrender);
        Assert.Empty(RequestCompleteness.Check(RequestKind.ArrestAndSurrender, none, "fr", Samples.Accepted));
        var partial = none with { TranslationForPerson = new TranslationForPerson { Language = "sw" } };
        Assert.Equal(["contents.translationForPerson.statuteProvisions", "contents.translationForPerson.warrant"],
            Elements(RequestCompleteness.Check(RequestKind.ArrestAndSurrender, partial, "fr", Samples.Accepted)));
        var complete = none with
        {
            TranslationForPerson = new TranslationForPerson
            {
                Language = "sw", Warrant = new() { Reference = "ICC-01/99-01/26-12-tSWA" }, StatuteProvisions = new() { Reference = "RS-SWA" },
            },
        };
        Assert.Empty(RequestCompleteness.Check(RequestKind.ArrestAndSurrender, complete, "fr", Samples.Accepted));
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
