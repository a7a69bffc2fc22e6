using System.Globalization;

namespace Cooperation.Consoles.Texts;

/// <summary>
/// The console's words in the Court's two working languages (Art 50(2)): the English text is the key,
/// French is looked up; the culture comes from the language switch (cookie) or the browser.
/// </summary>
public static class Text
{
    public static bool French => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr";

    public static string T(string english) => French && Fr.TryGetValue(english, out var french) ? french : english;

    /// <summary>A date in the person's time zone, in their language, with the zone named.</summary>
    public static string When(DateTimeOffset? at, TimeZoneInfo zone) =>
        at is { } value ? TimeZoneInfo.ConvertTime(value, zone).ToString("g", CultureInfo.CurrentCulture) + " " + ZoneName(zone, value) : "—";

    private static string ZoneName(TimeZoneInfo zone, DateTimeOffset at)
    {
        var offset = zone.GetUtcOffset(at);
        return $"({zone.Id}, UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm})";
    }

    private static readonly Dictionary<string, string> Fr = new(StringComparer.Ordinal)
    {
        ["Cooperation Platform"] = "Plateforme de coopération",
        ["Skip to content"] = "Aller au contenu",
        ["Sign out"] = "Se déconnecter",
        ["Language"] = "Langue",
        ["Signed in as"] = "Connecté en tant que",
        ["Desk"] = "Bureau",
        ["Main navigation"] = "Navigation principale",
        ["Requests"] = "Demandes",
        ["Inbox"] = "Boîte de réception",
        ["Draft an arrest request"] = "Rédiger une demande d'arrestation",
        ["Registry"] = "Greffe",
        ["Office of the Prosecutor"] = "Bureau du Procureur",
        ["Central authority of"] = "Autorité centrale de",
        ["Assembly focal point"] = "Point focal de l'Assemblée",
        ["Operator"] = "Opérateur",
        ["Reference"] = "Référence",
        ["Kind"] = "Type",
        ["State"] = "État",
        ["Status"] = "Statut",
        ["Classification"] = "Classification",
        ["Version"] = "Version",
        ["Submitted"] = "Soumise",
        ["Delivered"] = "Remise",
        ["Acknowledged"] = "Accusé de réception",
        ["Signal"] = "Signal",
        ["Issued by"] = "Émise par",
        ["Open"] = "Ouvrir",
        ["Loading…"] = "Chargement…",
        ["No requests yet. Draft one with “Draft an arrest request”."] = "Aucune demande. Rédigez-en une avec « Rédiger une demande d'arrestation ».",
        ["Nothing has arrived yet. New requests appear here as soon as they are delivered."] = "Rien n'est encore arrivé. Les nouvelles demandes apparaissent ici dès leur remise.",
        ["This list updates by itself."] = "Cette liste se met à jour d'elle-même.",
        ["Requested State (ISO code, e.g. UGA)"] = "État requis (code ISO, p. ex. UGA)",
        ["Language of the request"] = "Langue de la demande",
        ["Person sought"] = "Personne recherchée",
        ["Name"] = "Nom",
        ["Description"] = "Signalement",
        ["Probable location"] = "Localisation probable",
        ["Facts"] = "Faits",
        ["Warrant of arrest"] = "Mandat d'arrêt",
        ["Supporting document"] = "Pièce justificative",
        ["Title"] = "Titre",
        ["SHA-256 of the document"] = "SHA-256 du document",
        ["Transmit to the State"] = "Transmettre à l'État",
        ["The request is not complete. Correct the fields marked below; nothing was sent."] = "La demande est incomplète. Corrigez les champs signalés ci-dessous ; rien n'a été envoyé.",
        ["The request could not be sent:"] = "La demande n'a pas pu être envoyée :",
        ["Evidence"] = "Preuves",
        ["History"] = "Historique",
        ["When"] = "Quand",
        ["Who"] = "Qui",
        ["What"] = "Quoi",
        ["Consultations (Art 97)"] = "Consultations (art. 97)",
        ["No consultation."] = "Aucune consultation.",
        ["Grounds"] = "Motifs",
        ["Answer"] = "Répondre",
        ["Your answer"] = "Votre réponse",
        ["Send the answer"] = "Envoyer la réponse",
        ["Acknowledge receipt"] = "Accuser réception",
        ["Consult the Court"] = "Consulter la Cour",
        ["Choose the ground:"] = "Choisissez le motif :",
        ["Open the consultation"] = "Ouvrir la consultation",
        ["What stands in the way"] = "Ce qui fait obstacle",
        ["Thread"] = "Fil",
        ["No message yet."] = "Aucun message.",
        ["Page not found"] = "Page introuvable",
        ["There is nothing at this address for your desk. Go back to your desk's home page."] = "Il n'y a rien à cette adresse pour votre bureau. Revenez à la page d'accueil de votre bureau.",
        ["Home"] = "Accueil",
        ["Your session has ended. Reload the page to sign in again."] = "Votre session a pris fin. Rechargez la page pour vous reconnecter.",
        ["The platform cannot be reached just now; this page tries again by itself."] = "La plateforme est injoignable pour le moment ; cette page réessaie d'elle-même.",
        ["Request"] = "Demande",
        ["Contents"] = "Contenu",
        ["The duty to execute is not suspended by a consultation (Art 97)."] = "Une consultation ne suspend pas l'obligation d'exécuter (art. 97).",
        ["Answered at"] = "Réponse le",
        ["Opened"] = "Ouverte",
        ["Closed"] = "Close",
        ["Your desk"] = "Votre bureau",
        ["This desk has no console pages yet; its work is done through the API."] = "Ce bureau n'a pas encore de pages de console ; son travail se fait par l'API.",
        ["Required"] = "Obligatoire",
        ["Sent by"] = "Envoyé par",
        ["Operations"] = "Exploitation",
        ["This page updates by itself."] = "Cette page se met à jour d'elle-même.",
        ["Health of every service"] = "État de chaque service",
        ["Platform"] = "Plateforme",
        ["Services"] = "Services",
        ["Service"] = "Service",
        ["Health"] = "État",
        ["Failed messages"] = "Messages en échec",
        ["Audit chain"] = "Chaîne d'audit",
        ["Traces of a request: paste its X-Correlation-Id or a history entry's trace id in the trace viewer's Traces page."] = "Traces d'une demande : collez son X-Correlation-Id ou l'identifiant de trace d'une entrée d'historique dans la page Traces du visualiseur.",
        ["intact"] = "intacte",
        ["broken at"] = "rompue à",
        ["Consulted after the problem"] = "Consultation après le problème",
        ["allowed"] = "admis",
        ["The Court's first answer"] = "Première réponse de la Cour",
        ["after"] = "après",
        ["awaited, due by"] = "attendue, au plus tard le",
        ["Service level missed"] = "Niveau de service manqué",
        ["still running"] = "en cours",
        ["d"] = "j",
    };
}
