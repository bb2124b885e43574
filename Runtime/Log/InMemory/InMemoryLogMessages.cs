using Microsoft.Extensions.Logging;

namespace Runtime.Log.InMemory;

internal static partial class InMemoryLogMessages
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "In-memory topic {Topic} created with {Partitions} partitions")]
    public static partial void TopicCreated(ILogger logger, string topic, int partitions);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Member {MemberId} joined in-memory group {GroupId}")]
    public static partial void MemberJoined(ILogger logger, string groupId, string memberId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Member {MemberId} left in-memory group {GroupId}")]
    public static partial void MemberLeft(ILogger logger, string groupId, string memberId);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Debug, Message = "In-memory group {GroupId} rebalanced to generation {Generation} with {Members} members")]
    public static partial void Rebalanced(ILogger logger, string groupId, int generation, int members);
}
