using Silo;

var builder = WebApplication.CreateBuilder(args);
builder.AddSilo();

var app = builder.Build();
app.MapSilo();
app.Run();
