using System.Text;
using System.Text.Json;
using Grains.Interfaces;
using Grains.Interfaces.Events;
using Runtime.Abstractions;
using Runtime.Hosting;

namespace Grains.Decisions;

/// <summary>
/// Appends exposure and impression events to the user's own partition of the events topic. The
/// append is queued and acknowledged in the background, so a decision does not wait on the log.
/// </summary>
public sealed class ExposureLog(SiloRuntime runtime)
{
    public void Append(InteractionEvent interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var partition = GrainPartitioner.PartitionOf(interaction.UserId, runtime.PartitionCount);
        runtime.Producer.Produce(
            runtime.Topics.Events,
            partition,
            Encoding.UTF8.GetBytes(interaction.UserId),
            JsonSerializer.SerializeToUtf8Bytes(interaction, GrainsJsonContext.Default.InteractionEvent));
    }
}
