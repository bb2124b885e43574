namespace Storage.Tests.Contract;

/// <summary>Orleans' stock ADO.NET provider on the project's PostgreSQL schema.</summary>
public sealed class AdoNetPostgreSqlContractTests(AdoNetPostgreSqlFixture fixture)
    : GrainStorageContractTests<AdoNetPostgreSqlFixture>(fixture);
