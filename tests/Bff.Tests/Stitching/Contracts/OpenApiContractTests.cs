using Bff.Stitching.Contracts;

namespace Bff.Tests.Stitching.Contracts;

/// <summary>
/// OpenAPI documents as users write them, read through Microsoft.OpenApi: YAML, 3.1, Swagger 2.0, <c>$ref</c>s into a
/// second file, <c>allOf</c>/<c>oneOf</c>, both spellings of nullable; and every broken one a start-up message naming
/// the file and where in it, never an exception.
/// </summary>
public sealed class OpenApiContractTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bff-openapi-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_split_document_reads_schemas_from_the_file_its_ref_names()
    {
        Write("common.yaml", """
            openapi: 3.0.3
            info: {title: common, version: "1"}
            paths: {}
            components:
              schemas:
                Job:
                  type: object
                  properties:
                    id: {type: string}
                    budget: {$ref: '#/components/schemas/Budget'}
                Budget:
                  type: object
                  properties:
                    max: {type: integer, format: int32}
            """);
        var contract = Load("jobs.yaml", """
            openapi: 3.0.3
            info: {title: jobs, version: "1"}
            paths:
              /jobs/{id}:
                get:
                  operationId: getJob
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                  responses:
                    "200":
                      description: The job.
                      content:
                        application/json:
                          schema: {$ref: 'common.yaml#/components/schemas/Job'}
            """, out var errors);

        Assert.Empty(errors);
        var job = Assert.Single(contract!.Operations).Response;
        Assert.Equal(("Job", ShapeKind.Object), (job.Name, job.Kind));
        var max = job.Properties["budget"].Properties["max"];
        Assert.Equal((ShapeKind.Integer, "int32"), (max.Kind, max.Format));
    }

    [Fact]
    public void AllOf_is_one_object_with_the_properties_of_every_part_and_oneOf_keeps_each_variant()
    {
        var contract = Load("shapes.yaml", """
            openapi: 3.1.0
            info: {title: shapes, version: "1"}
            paths:
              /pets:
                get:
                  responses:
                    "200":
                      description: A cat or a dog.
                      content:
                        application/json:
                          schema:
                            oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    name: {type: string}
                Cat:
                  allOf:
                    - $ref: '#/components/schemas/Pet'
                    - type: object
                      properties:
                        lives: {type: integer, format: int32}
                Dog:
                  allOf:
                    - $ref: '#/components/schemas/Pet'
                  properties:
                    good: {type: boolean}
            """, out var errors);

        Assert.Empty(errors);
        var pet = Assert.Single(contract!.Operations).Response;
        Assert.Equal((ShapeKind.Any, "Cat | Dog"), (pet.Kind, pet.Name));
        Assert.Equal(["name", "lives"], pet.Variants[0].Properties.Keys);
        Assert.Equal(["name", "good"], pet.Variants[1].Properties.Keys);
        Assert.Equal(ShapeKind.Object, pet.Variants[0].Kind);
    }

    [Theory]
    [InlineData("3.0.3", "{type: string, nullable: true}")]
    [InlineData("3.1.0", "{type: [string, 'null']}")]
    [InlineData("3.1.0", "{oneOf: [{type: string}, {type: 'null'}]}")]
    [InlineData("3.0.3", "{allOf: [{type: string}], description: the single-part idiom}")]
    public void Every_spelling_of_nullable_is_the_type_itself(string version, string schema)
    {
        var contract = Load("nullable.yaml", $$"""
            openapi: {{version}}
            info: {title: nullable, version: "1"}
            paths:
              /page:
                get:
                  responses:
                    "200":
                      description: A page.
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              next_cursor: {{schema}}
            """, out var errors);

        Assert.Empty(errors);
        Assert.Equal(ShapeKind.String, Assert.Single(contract!.Operations).Response.Properties["next_cursor"].Kind);
    }

    [Fact]
    public void Swagger_2_body_and_collection_formats_become_request_body_and_styles_csv_by_default()
    {
        var contract = Load("swagger.yaml", """
            swagger: "2.0"
            info: {title: pets, version: "1"}
            paths:
              /pets:
                post:
                  parameters:
                    - {name: pipes, in: query, type: array, items: {type: string}, collectionFormat: pipes}
                    - {name: csv, in: query, type: array, items: {type: string}, collectionFormat: csv}
                    - {name: multi, in: query, type: array, items: {type: string}, collectionFormat: multi}
                    - {name: plain, in: query, type: array, maxItems: 5, items: {type: string}}
                    - {name: body, in: body, required: true, schema: {$ref: '#/definitions/Pet'}}
                  responses:
                    "200": {description: ok, schema: {$ref: '#/definitions/Pet'}}
            definitions:
              Pet:
                type: object
                properties:
                  id: {type: integer, format: int64}
            """, out var errors);

        Assert.Empty(errors);
        var operation = Assert.Single(contract!.Operations);
        Assert.Equal(["pipes pipeDelimited False", "csv form False", "multi form True", "plain form False"],
            operation.Parameters.Select(p => $"{p.Name} {p.Style} {p.Explode}"));
        Assert.Contains(contract.Warnings, w => w.StartsWith("swagger.yaml: maxItems is not a valid property", StringComparison.Ordinal));
        Assert.Equal("Pet", operation.RequestBody!.Name);
        Assert.Equal("int64", operation.Response.Properties["id"].Format);
    }

    [Fact]
    public void A_yaml_syntax_error_names_the_file_and_the_line()
    {
        Assert.Null(Load("broken.yaml", "openapi: 3.0.3\ninfo: {title: x, version: '1'}\npaths:\n  /a: {get: [\n", out var errors));

        var error = Assert.Single(errors);
        Assert.StartsWith("broken.yaml: ", error, StringComparison.Ordinal);
        Assert.Contains("line 5", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{$ref: '#/components/schemas/Missing'}", "#/paths/~1a/get/responses/200/content/application~1json/schema: $ref '#/components/schemas/Missing' does not resolve.")]
    [InlineData("{$ref: 'other.yaml#/components/schemas/Thing'}", "#/paths/~1a/get/responses/200/content/application~1json/schema: $ref 'other.yaml#/components/schemas/Thing' does not resolve: file not found")]
    [InlineData("{$ref: 'http://127.0.0.1:9/common.yaml#/components/schemas/Thing'}", "#/paths/~1a/get/responses/200/content/application~1json/schema: $ref 'http://127.0.0.1:9/common.yaml#/components/schemas/Thing' does not resolve: only files beside the document can be referenced, not http addresses.")]
    [InlineData("{type: 42}", "#/paths/~1a/get/responses/200/content/application~1json/schema/type: Invalid schema type identifier: 42")]
    [InlineData("{type: object, properties: [id, name]}", "#/paths/~1a/get/responses/200/content/application~1json/schema/properties: Expected map")]
    public void A_broken_reference_or_field_names_the_file_and_the_json_pointer(string schema, string expected)
    {
        Assert.Null(Load("api.yaml", Document($"schema: {schema}"), out var errors));

        Assert.Contains(errors, e => e.StartsWith("api.yaml: " + expected, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unresolved_parameter_reference_names_the_file_and_the_json_pointer()
    {
        Assert.Null(Load("api.yaml", Document("schema: {type: string}", "parameters: [{$ref: '#/components/parameters/Nope'}]"), out var errors));

        Assert.Contains("api.yaml: #/paths/~1a/get/parameters/0: $ref '#/components/parameters/Nope' does not resolve.", errors);
    }

    [Fact]
    public void A_value_the_reader_throws_for_is_a_message_naming_the_file()
    {
        Assert.Null(Load("api.yaml", Document("schema: {type: string}", "parameters: [{name: q, in: query, required: maybe}]"), out var errors));

        var error = Assert.Single(errors);
        Assert.StartsWith("api.yaml: cannot read the OpenAPI document: ", error, StringComparison.Ordinal);
        Assert.Contains("maybe", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_missing_only_titles_and_descriptions_is_read()
    {
        var contract = Load("terse.json", """{"openapi":"3.0.3","paths":{"/a":{"get":{"responses":{"200":{}}}}}}""", out var errors);

        Assert.Empty(errors);
        Assert.Equal("GET /a", Assert.Single(contract!.Operations).Name);
    }

    private static string Document(string schema, string parameters = "") => $$"""
        openapi: 3.0.3
        info: {title: api, version: "1"}
        paths:
          /a:
            get:
              {{parameters}}
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      {{schema}}
        """;

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_dir, name), text);

    private OpenApiContract? Load(string name, string text, out List<string> errors)
    {
        Write(name, text);
        errors = [];
        return OpenApiContract.Load(name, Path.Combine(_dir, name), errors);
    }
}
