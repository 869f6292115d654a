using Bff.Samples.Reviews;

// --print-schema writes the SDL kept in schemas/downstream/reviews.graphql (a test keeps the two equal).
if (args is ["--print-schema"])
{
    Console.Write(ReviewsService.PrintSchema());
    return;
}

var app = ReviewsService.Create(args.Length > 0 ? args[0] : ReviewsService.DefaultUrl);
await app.RunAsync();
