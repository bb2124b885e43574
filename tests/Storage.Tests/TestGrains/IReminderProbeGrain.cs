namespace Storage.Tests.TestGrains;

public interface IReminderProbeGrain : IGrainWithStringKey
{
    /// <summary>Registers a reminder and returns the name Orleans reads back for it.</summary>
    Task<string?> RegisterAsync(string reminderName);
}
