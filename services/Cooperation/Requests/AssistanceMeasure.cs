namespace Cooperation.Requests;

/// <summary>The forms of assistance listed in Art 93(1)(a)-(l).</summary>
public enum AssistanceMeasure
{
    /// <summary>93(1)(a) identify and locate persons or items.</summary>
    LocatePersonsOrItems,
    /// <summary>93(1)(b) take evidence, including testimony under oath, and produce evidence.</summary>
    TakeEvidence,
    /// <summary>93(1)(c) question any person being investigated or prosecuted.</summary>
    QuestionPerson,
    /// <summary>93(1)(d) serve documents, including judicial documents.</summary>
    ServeDocuments,
    /// <summary>93(1)(e) facilitate the voluntary appearance of witnesses or experts.</summary>
    VoluntaryAppearance,
    /// <summary>93(1)(f) temporary transfer of persons in custody (Art 93(7)).</summary>
    TemporaryTransfer,
    /// <summary>93(1)(g) examine places or sites, including exhumation.</summary>
    ExamineSites,
    /// <summary>93(1)(h) execute searches and seizures.</summary>
    SearchAndSeizure,
    /// <summary>93(1)(i) provide records and documents.</summary>
    RecordsAndDocuments,
    /// <summary>93(1)(j) protect victims and witnesses, preserve evidence.</summary>
    ProtectVictimsAndWitnesses,
    /// <summary>93(1)(k) identify, trace, freeze or seize proceeds, property, assets and instrumentalities.</summary>
    FreezeAssets,
    /// <summary>93(1)(l) any other assistance not prohibited by the law of the requested State.</summary>
    OtherAssistance,
}
