using Bff.Samples.Identity;

var app = IdentityService.Create(args.Length > 0 ? args[0] : IdentityService.DefaultUrl);
await app.RunAsync();
