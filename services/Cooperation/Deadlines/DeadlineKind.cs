namespace Cooperation.Deadlines;

public enum DeadlineKind
{
    /// <summary>RPE 188: surrender request and documents, 60 days after a provisional arrest.</summary>
    SurrenderDocuments,
    /// <summary>Art 89(3)(e): 96 hours of detention after an unscheduled landing.</summary>
    TransitDetention,
    /// <summary>RPE 180(2): a change of channel or language takes effect.</summary>
    ChannelChangeEffective,
    /// <summary>The reply-by date set in a request.</summary>
    ReplyBy,
    /// <summary>A reply due in an Art 97 consultation (service level or agreed date).</summary>
    ConsultationReply,
    /// <summary>Art 87(7): a State's observations before a finding of non-compliance (check: Regulations of the Court, reg 109).</summary>
    ObservationsReply,
    /// <summary>The end of a postponement agreed in an Art 97 consultation (Art 94(1)): execution is due to resume.</summary>
    PostponementEnds,
    /// <summary>The State's views asked for by the Assembly President's letter (ICC-ASP/10/Res.5 annex, para 14; about two weeks).</summary>
    AssemblyViewsDue,
    /// <summary>A State's acknowledgement of a travel alert (a configured period; Art 86, 89(1), 97: the alert asks for it without delay).</summary>
    AlertAcknowledgement,
}
