namespace Storage.Tests.TestGrains;

public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    public async Task<string?> RegisterAsync(string reminderName)
    {
        await this.RegisterOrUpdateReminder(reminderName, TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        var reminder = await this.GetReminder(reminderName);
        return reminder?.ReminderName;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
