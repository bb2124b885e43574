using System.Text.Json;
using Experimentation.Features;
using Grains.Experiments;
using Grains.Recommendations;
using Grains.Users;

namespace Grains.Tests.Users;

public sealed class UserStateJsonTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void WriteContext_PopulatedState_WritesTheSameBytesAsTheStateContext()
    {
        var state = Populated();

        var written = JsonSerializer.SerializeToUtf8Bytes(state, GrainStateWriteJsonContext.Default.UserState);

        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(state, GrainStateJsonContext.Default.UserState), written);
    }

    [Fact]
    public void StateContext_WhatTheWriteContextWrote_ReadsBackEqual()
    {
        var state = Populated();

        var read = JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(state, GrainStateWriteJsonContext.Default.UserState), GrainStateJsonContext.Default.UserState)!;

        Assert.Equal(
            JsonSerializer.Serialize(state, GrainStateJsonContext.Default.UserState),
            JsonSerializer.Serialize(read, GrainStateJsonContext.Default.UserState));
    }

    private static UserState Populated() => new()
    {
        Features = new UserFeatureData
        {
            LastEventAt = At.ToUnixTimeMilliseconds(),
            TotalEvents = 7,
            ValueSum = 41.75,
            Types = ["click", "view"],
            Counts = [3, 2, 70, 5],
            SessionId = "s-1",
            SessionStartAge = 1200,
            SessionEvents = 7,
            Categories = ["shoes"],
            CategoryScores = [2.5],
            CategoryAges = [30],
            Items = ["i-1"],
            ItemAges = [10],
            ItemSessions = [0],
            SessionIds = ["s-1"],
            Engagement = 3.125,
        },
        RecentIds = [1, 2, 3, 4],
        NextId = 1,
        Exposures = [new Exposure { ExperimentId = "e1", Variant = "b", DecisionId = "d1", Propensity = 0.5, Segment = "all", RewardEventType = "click", WindowSeconds = 3600, At = At, Guardrails = ["purchase"] }],
        Participations = [new Participation { ExperimentId = "e1", Variant = "b", FirstAt = At, WindowSeconds = 3600, RewardEventType = "click", Covariate = 2, Value = 1.5, Guardrails = ["purchase"], GuardrailCounts = [1] }],
        HeldRewards = [new HeldReward { Type = "click", Value = 2.5, At = At, Credited = ["e1"] }],
        Impressions = [new Impression { ItemId = "i-1", Category = "shoes", DecisionId = "d2", Propensity = 0.25, Segment = "all", At = At, Clicked = true }],
    };
}
