using Cooperation.Consultations;
using Cooperation.Organs;
using Cooperation.Requests;
using Cooperation.Validation;

namespace Cooperation.Alerts;

/// <summary>How the person sought is expected in a State: as a destination, or only passing through it.</summary>
public enum TravelRole
{
    /// <summary>The person is expected to stay in the State (a visit, a conference, a summit).</summary>
    Destination,
    /// <summary>The person is expected to pass through the State's territory or airspace on the way elsewhere.</summary>
    Transit,
}

/// <summary>One State an alert addresses, with the visit the Court knows of there (that State's only).</summary>
public sealed record AlertedState(StateCode State, TravelRole Role, DateOnly ExpectedFrom, DateOnly ExpectedUntil);

/// <summary>
/// A travel alert: the Registry learns that a person subject to a warrant (an arrest-and-surrender request it holds,
/// Art 89, 91) is expected in one or more States Parties, and reminds each of them, at once and separately, of its
/// obligation to arrest and surrender (Art 86, 89(1)) and invites immediate consultation on any obstacle (Art 97).
/// The Pre-Trial Chambers' practice of sending travel information to the States concerned dates from 2015 (domain.md,
/// "Non-compliance and escalation", item 1; the exact wording of that practice: not confirmed).
/// </summary>
public static class TravelAlert
{
    /// <summary>The Assembly's reporting and the platform are built for one alert to every State Party (some 125).</summary>
    public const int MaxStates = 200;

    /// <summary>What the alert recalls, in every State's copy (Art 86, 89(1), 97).</summary>
    public const string Obligation =
        "States Parties shall cooperate fully with the Court (Art 86) and shall comply with requests for arrest and " +
        "surrender (Art 89(1)). Where the State identifies a problem that may impede or prevent execution, it shall " +
        "consult the Court without delay (Art 97): the Court invites immediate consultation.";

    /// <summary>Only a request for arrest and surrender carries the warrant whose execution the alert recalls (Art 89(1), 91).</summary>
    public static bool CanBeAlertedOn(RequestKind kind) => kind == RequestKind.ArrestAndSurrender;

    /// <summary>
    /// "The same warrant" as the Registry identifies it across its requests: the warrant's document reference in the
    /// request's contents (Art 91(2)(b): a copy of the warrant), compared without case or surrounding spaces. Null when
    /// the request names none (e.g. Art 91(3), a person already convicted, where the warrant is optional).
    /// </summary>
    public static string? WarrantKey(RequestContents contents) =>
        contents.Warrant?.Reference is { } reference && !string.IsNullOrWhiteSpace(reference)
            ? reference.Trim().ToUpperInvariant()
            : null;

    /// <summary>
    /// Every invalid element of the States an alert addresses: at least one, at most <see cref="MaxStates"/>, each once,
    /// each with its role and its dates (from ≤ until, and the visit not already over on <paramref name="today"/>).
    /// Paths are the body's: <c>states[2].expectedUntil</c>. Whether each State is in the register is the caller's check.
    /// </summary>
    public static IReadOnlyList<InvalidElement> Validate(IReadOnlyList<AlertedStateInput>? states, DateOnly today)
    {
        var problems = new List<InvalidElement>();
        if (states is null || states.Count == 0)
        {
            problems.Add(new InvalidElement("states", "Required: at least one State, with its role and the expected dates."));
            return problems;
        }
        if (states.Count > MaxStates) problems.Add(new InvalidElement("states", $"At most {MaxStates} States in one alert."));
        var seen = new HashSet<string>();
        for (var i = 0; i < states.Count && i < MaxStates; i++)
        {
            var s = states[i];
            var at = $"states[{i}]";
            if (s is null)
            {
                problems.Add(new InvalidElement(at, "Required: stateCode, role, expectedFrom, expectedUntil."));
                continue;
            }
            if (!StateCode.TryParse(s.StateCode, out var code))
                problems.Add(new InvalidElement($"{at}.stateCode", "Required: the ISO 3166-1 alpha-3 code of the State, e.g. UGA."));
            else if (!seen.Add(code.Value))
                problems.Add(new InvalidElement($"{at}.stateCode", "This State is already named earlier in the list; each State gets one alert."));
            if (s.Role is null || !Enum.IsDefined(s.Role.Value))
                problems.Add(new InvalidElement($"{at}.role", "Required: Destination or Transit."));
            if (s.ExpectedFrom is null) problems.Add(new InvalidElement($"{at}.expectedFrom", "Required: the first day the person is expected (YYYY-MM-DD)."));
            if (s.ExpectedUntil is null) problems.Add(new InvalidElement($"{at}.expectedUntil", "Required: the last day the person is expected (YYYY-MM-DD)."));
            problems.AddRange(ValidateDates(s.ExpectedFrom, s.ExpectedUntil, today, at));
            if (s.KnownDetails is { Length: > MaxDetails })
                problems.Add(new InvalidElement($"{at}.knownDetails", $"At most {MaxDetails} characters."));
        }
        return problems;
    }

    /// <summary>What the Court knows of the visit, in free text (e.g. "official visit, arrival by air").</summary>
    public const int MaxDetails = 2_000;

    /// <summary>Dates of a visit: from ≤ until, and not over already (an alert about a past visit invites nothing).</summary>
    public static IEnumerable<InvalidElement> ValidateDates(DateOnly? from, DateOnly? until, DateOnly today, string at = "")
    {
        var prefix = at.Length == 0 ? "" : at + ".";
        if (from is { } f && until is { } u && f > u)
            yield return new InvalidElement($"{prefix}expectedUntil", "Must be on or after expectedFrom.");
        else if (until is { } end && end < today)
            yield return new InvalidElement($"{prefix}expectedUntil", "The visit is already over: the last day is in the past.");
    }
}

/// <summary>One State of an alert as the Registry's desk sends it (unparsed, so every flaw can be named).</summary>
public sealed record AlertedStateInput
{
    public string? StateCode { get; init; }
    public TravelRole? Role { get; init; }
    public DateOnly? ExpectedFrom { get; init; }
    public DateOnly? ExpectedUntil { get; init; }
    /// <summary>What the Court knows of this State's visit; only this State's copy carries it.</summary>
    public string? KnownDetails { get; init; }
}
