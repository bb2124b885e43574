namespace Storage.Tests.Contract;

[GenerateSerializer]
[Alias("Storage.Tests.ContractState")]
public sealed class ContractState
{
    [Id(0)]
    public string Text { get; set; } = string.Empty;

    [Id(1)]
    public int Number { get; set; }

    [Id(2)]
    public byte[] Blob { get; set; } = [];
}
