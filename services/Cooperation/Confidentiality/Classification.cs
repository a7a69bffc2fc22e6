namespace Cooperation.Confidentiality;

/// <summary>
/// Every request and every message carries one. Art 87(3): the requested State keeps a request
/// confidential except as execution requires. Anything above Public never reaches a public
/// endpoint, a log line, a trace attribute, a metric label or an error message.
/// </summary>
public enum Classification
{
    Public,
    Confidential,
    UnderSeal,
    ExParte,
}

public static class Classifications
{
    /// <summary>
    /// Unsealing: a request leaves UnderSeal for a wider class of readers (Confidential or Public). A move to
    /// ExParte is not one: it narrows who reads, it does not open the seal.
    /// </summary>
    public static bool Unseals(Classification from, Classification to) =>
        from == Classification.UnderSeal && to is Classification.Confidential or Classification.Public;
}
