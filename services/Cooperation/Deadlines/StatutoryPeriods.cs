namespace Cooperation.Deadlines;

/// <summary>
/// The only fixed periods in the cooperation regime; every other deadline is set per request
/// (a Chamber's order, a reply-by date) or is a configurable service level.
/// </summary>
public static class StatutoryPeriods
{
    /// <summary>RPE 180(2): a change of channel or language takes effect 45 days after the Court receives it, absent an agreed date.</summary>
    public static readonly TimeSpan ChannelChangeEffective = TimeSpan.FromDays(45);

    /// <summary>RPE 188, Art 92(3): the surrender request and documents are due within 60 days of the provisional arrest.</summary>
    public static readonly TimeSpan SurrenderDocumentsDue = TimeSpan.FromDays(60);

    /// <summary>Art 89(3)(e): after an unscheduled landing, detention pending a transit request may not exceed 96 hours.</summary>
    public static readonly TimeSpan TransitDetentionCap = TimeSpan.FromHours(96);

    /// <summary>
    /// RPE 188: the last day on which the documents may arrive, counting from the day after the arrest date,
    /// so arrest on 3 April gives 2 June (check: Regulations of the Court, reg 33, also on extending a period
    /// that ends on a weekend or Court holiday; not applied here).
    /// </summary>
    public static DateOnly SurrenderDocumentsLastDay(DateOnly provisionalArrestDate) =>
        provisionalArrestDate.AddDays(SurrenderDocumentsDue.Days);
}
