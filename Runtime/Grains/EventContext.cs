namespace Runtime.Grains;

/// <summary>Where an event came from: its source topic, partition and offset.</summary>
public readonly record struct EventContext(string Topic, int Partition, long Offset);
