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
