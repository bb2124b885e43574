using Runtime.Abstractions;
using Runtime.Processing;

namespace Runtime.Activation;

/// <summary>What a grain's partition offers it beyond state: durable messages to other grains, and published snapshots.</summary>
internal interface IPartitionOutbox
{
    /// <summary>Queues a message; it is committed with the next checkpoint and published after it.</summary>
    void Send(GrainId target, IMessageBinding binding, object message);

    /// <summary>Publishes a snapshot now, or queues it so that the latest one per key is published after the next checkpoint commits.</summary>
    void PublishSnapshot(string key, byte[] payload, bool afterCommit);
}
