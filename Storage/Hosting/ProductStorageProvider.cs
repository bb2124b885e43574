namespace Storage.Hosting;

/// <summary>The grain storage providers <c>Storage:Provider</c> selects between.</summary>
public enum ProductStorageProvider
{
    /// <summary>The project's group-commit provider (the default).</summary>
    GroupCommit,

    /// <summary>Orleans' stock ADO.NET provider, one round trip per write.</summary>
    AdoNet,
}
