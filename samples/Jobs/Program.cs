using Bff.Samples.Jobs;

var app = JobsService.Create(args.Length > 0 ? args[0] : JobsService.DefaultUrl);
await app.RunAsync();
