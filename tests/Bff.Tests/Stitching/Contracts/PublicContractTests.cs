using Bff.Tests.Fixtures;

namespace Bff.Tests.Stitching.Contracts;

/// <summary>
/// Contracts this project did not write, in the shapes they are published in (written from memory, kept in
/// <c>Data/</c>): the Swagger Petstore 2.0 and the OpenAPI "petstore-expanded" moved to 3.1. Both bind, and a wrong
/// binding is still refused, so the contract was really read.
/// </summary>
public sealed class PublicContractTests
{
    private const string Petstore2Sdl = """
        type Query {
          pet(id: Long!): Pet @rest(source: "rest", path: "/pet/{args.id}")
          petsByStatus(status: [PetStatus!]!): [Pet!] @rest(source: "rest", path: "/pet/findByStatus?status={args.status}")
          petsByTags(tags: [String!]!): [Pet!] @rest(source: "rest", path: "/pet/findByTags?tags={args.tags}")
          order(id: Long!): Order @rest(source: "rest", path: "/store/order/{args.id}")
          user(name: String!): User @rest(source: "rest", path: "/user/{args.name}")
        }
        type Mutation {
          addPet(name: String!, photoUrls: [String!]!): Pet @rest(source: "rest", method: "POST", path: "/pet", body: "name: {args.name}, photoUrls: {args.photoUrls}")
        }
        type Pet { id: Long name: String! photoUrls: [String!]! category: Category tags: [Tag!] status: PetStatus }
        enum PetStatus { AVAILABLE PENDING SOLD }
        type Category { id: Long name: String }
        type Tag { id: Long name: String }
        type Order { id: Long petId: Long quantity: Int shipDate: String status: String complete: Boolean }
        type User { id: Long username: String email: String userStatus: Int }
        scalar Long
        """;

    private const string ExpandedSdl = """
        type Query {
          pets(tags: [String!], limit: Int): [Pet!] @rest(source: "rest", path: "/pets?tags={args.tags}&limit={args.limit}")
          pet(id: Long!): Pet @rest(source: "rest", path: "/pets/{args.id}")
        }
        type Mutation {
          addPet(name: String!, tag: String): Pet @rest(source: "rest", method: "POST", path: "/pets", body: "name: {args.name}, tag: {args.tag}")
        }
        type Pet { id: Long! name: String! tag: String }
        scalar Long
        """;

    [Fact]
    public void The_swagger_petstore_2_binds() =>
        Assert.NotNull(ContractSchema.Build(Petstore2Sdl, openApi: Read("petstore-swagger2.yaml")));

    [Fact]
    public void The_swagger_petstore_2_still_refuses_a_field_its_types_cannot_carry()
    {
        var error = ContractSchema.Fail(Petstore2Sdl.Replace("type Pet { id: Long", "type Pet { id: Int", StringComparison.Ordinal), openApi: Read("petstore-swagger2.yaml"));

        Assert.Contains("Pet.id: type mismatch: integer (int64)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_petstore_expanded_in_openapi_3_1_binds_with_its_allOf_pet() =>
        Assert.NotNull(ContractSchema.Build(ExpandedSdl, openApi: Read("petstore-expanded-3.1.yaml")));

    [Fact]
    public void The_petstore_expanded_pet_has_the_properties_of_both_allOf_parts()
    {
        var error = ContractSchema.Fail(ExpandedSdl.Replace("tag: String }", "tag: String owner: String }", StringComparison.Ordinal), openApi: Read("petstore-expanded-3.1.yaml"));

        Assert.Contains("Pet.owner: 'owner' is not a property of Pet", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Pet.id", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Pet.tag", error, StringComparison.Ordinal);
    }

    private static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Stitching", "Contracts", "Data", name));
}
