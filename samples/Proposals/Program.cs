using Bff.Samples.Proposals;

var app = ProposalsService.Create(args.Length > 0 ? args[0] : ProposalsService.DefaultUrl);
await app.RunAsync();
