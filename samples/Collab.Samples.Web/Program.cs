// The web sample: a vendor's ASP.NET Core app embedding Collab on its own DbContext (SQLite by default; set
// ConnectionStrings:Postgres for PostgreSQL). `dotnet run --project samples/Collab.Samples.Web`, then open the address it prints.
var app = await Collab.Samples.Web.SampleWebApp.CreateAsync(args);
await app.RunAsync();
