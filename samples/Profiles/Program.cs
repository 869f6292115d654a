using Bff.Samples.Profiles;

var app = ProfilesService.Create(args.Length > 0 ? args[0] : ProfilesService.DefaultUrl);
await app.RunAsync();
