using System.Net;
using Ingest.Hosting;
using Ingest.Kafka;
using Ingest.Placement;
using Ingest.TestGrains;
using Ingest.TestSilo;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Orleans.Configuration;
using Storage.Hosting;

var builder = WebApplication.CreateBuilder(args);
var configuration = builder.Configuration;
var cluster = configuration["Cluster:Name"] ?? throw new InvalidOperationException("Cluster:Name is required.");
var postgres = configuration.GetConnectionString("Postgres") ?? throw new InvalidOperationException("ConnectionStrings:Postgres is required.");
var siloPort = configuration.GetValue<int>("Orleans:Endpoints:SiloPort");
var gatewayPort = configuration.GetValue<int>("Orleans:Endpoints:GatewayPort");

builder.UseOrleans(silo =>
{
    silo.Configure<ClusterOptions>(options =>
    {
        options.ClusterId = cluster;
        options.ServiceId = cluster;
    });
    silo.ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort);

    // Migrations first: the clustering tables live in the product schema.
    silo.AddProductStorage(configuration);
    silo.UseAdoNetClustering(options =>
    {
        options.Invariant = "Npgsql";
        options.ConnectionString = postgres;
    });
    silo.AddPartitionLocalPlacement();

    // Tests shorten failure detection so a killed or frozen silo is declared dead within seconds.
    silo.Services.Configure<ClusterMembershipOptions>(configuration.GetSection("Orleans:Membership"));
    silo.Services.Configure<SiloMessagingOptions>(configuration.GetSection("Orleans:Messaging"));
});

builder.Services
    .AddIngest<ICountingGrain, CountEvent, TestDecoder>(configuration)
    .AddPostgresCheckpoints(postgres)
    .AddOutboxGrainTarget<ICreditGrain>(CountingGrain.CreditKind)
    .AddKafkaIngest(configuration);
builder.Services.AddHealthChecks().AddCheck<IngestReadyCheck>("ingest", tags: ["ready"]);

var app = builder.Build();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
await app.RunAsync();
