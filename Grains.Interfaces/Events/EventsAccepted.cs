namespace Grains.Interfaces.Events;

/// <summary>Answer of <c>POST /v1/events</c>: every event of the batch was written to the events topic.</summary>
public sealed record EventsAccepted(int Accepted);
