namespace Cooperation.Consoles.Inbox;

/// <summary>
/// The Art 97 grounds a State may consult on, with the obstacle each one names, so a clerk opens a
/// consultation in two clicks (the ground, then "open"); the text stays editable. Grounds the law ties
/// to one kind (97(b): the person sought) are offered only for that kind.
/// </summary>
public sealed record ConsultationGroundChoice(string Ground, string Basis, string English, string French, bool PersonSoughtOnly)
{
    public static readonly IReadOnlyList<ConsultationGroundChoice> All =
    [
        new("InsufficientInformation", "97(a)", "The information in the request is not enough to execute it.", "Les informations de la demande ne suffisent pas à l'exécuter.", false),
        new("PersonNotLocated", "97(b)", "Despite best efforts, the person sought cannot be located.", "Malgré tous les efforts, la personne recherchée est introuvable.", true),
        new("WrongPerson", "97(b)", "The person found is clearly not the person named in the warrant.", "La personne trouvée n'est manifestement pas celle que vise le mandat.", true),
        new("TreatyConflict", "97(c)", "Executing the request as it stands would breach a prior treaty obligation to another State.", "Exécuter la demande en l'état violerait une obligation conventionnelle antérieure envers un autre État.", false),
    ];

    public static IEnumerable<ConsultationGroundChoice> For(string kind) =>
        All.Where(g => !g.PersonSoughtOnly || kind is "ArrestAndSurrender" or "ProvisionalArrest" or "Transit");
}
