namespace Cooperation.Contracts.Requests;

/// <summary>A State → issuing organ message about one of its requests (RPE 176(2): replies go to the issuing organ).</summary>
public interface IStateReport : ICooperationMessage
{
    string StateCode { get; }
}

/// <summary>One item of execution: what was done or is planned, and when (Art 93(1) measures, arrest steps).</summary>
public sealed record ExecutionItem
{
    public required string Description { get; init; }
    public DateOnly? On { get; init; }
    public bool Done { get; init; }
}
