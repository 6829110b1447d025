import Foundation
import Testing

@testable import PadanWriters

@Suite("JSONValue")
struct JSONValueTests {
    @Test(arguments: [
        ("plain", #""plain""#), ("quote \" here", #""quote \" here""#), (#"back\slash"#, #""back\\slash""#),
        ("new\nline", #""new\nline""#), ("cr\r", #""cr\r""#), ("tab\t", #""tab\t""#), ("\u{08}\u{0C}", #""\b\f""#),
        ("\u{01}", #""\u0001""#), ("\u{1F}", #""\u001f""#), ("\u{00}", #""\u0000""#), ("\u{7F}", "\"\u{7F}\""),
        ("Śarī Ḥasanah é ü", "\"Śarī Ḥasanah é ü\""), ("😀", "\"😀\""), ("\u{2028}", "\"\u{2028}\""),
        ("/slash", #""/slash""#), ("", #""""#),
    ])
    func stringEscaping(_ text: String, _ json: String) {
        #expect(JSONValue.string(text).canonical == json)
    }

    @Test func canonicalSortsKeysAtEveryLevelWithoutSpaces() {
        let value = JSONValue.object([
            ("b", .int(2)),
            (
                "a",
                .object([
                    ("z", .null),
                    ("y", .array([.bool(true), .bool(false), .object([("d", .int(-1)), ("c", .string("é"))])])),
                ])
            ),
            ("A", .array([])), ("_", .object([])),
        ])
        #expect(value.canonical == #"{"A":[],"_":{},"a":{"y":[true,false,{"c":"é","d":-1}],"z":null},"b":2}"#)
    }

    @Test func keysSortByCodePointAsPythonDoes() {
        // U+FF61 sorts before U+1F600 by code point; by UTF-16 unit (0xFF61 > 0xD83D) it would not.
        let value = JSONValue.object([("\u{1F600}", .int(1)), ("\u{FF61}", .int(2)), ("é", .int(3)), ("z", .int(4))])
        #expect(value.canonical == "{\"z\":4,\"é\":3,\"\u{FF61}\":2,\"\u{1F600}\":1}")
    }

    @Test func prettyKeepsTheGivenOrder() {
        let value = JSONValue.object([("b", .int(1)), ("a", .array([.string("x"), .null])), ("c", .object([]))])
        #expect(
            value.pretty == """
                {
                  "b": 1,
                  "a": [
                    "x",
                    null
                  ],
                  "c": {}
                }

                """)
    }

    @Test func numbers() {
        #expect(JSONValue.int(2024).canonical == "2024")
        #expect(JSONValue.int(-7).canonical == "-7")
        #expect(JSONValue.double(0.5).canonical == "0.5")
        #expect(JSONValue.double(2).canonical == "2.0")
        #expect(JSONValue.double(.nan).canonical == "null")
        #expect(JSONValue.double(.infinity).canonical == "null")
    }

    @Test func equalityIsByCanonicalForm() {
        #expect(JSONValue.object([("a", .int(1)), ("b", .int(2))]) == .object([("b", .int(2)), ("a", .int(1))]))
        #expect(JSONValue.int(1) != .string("1"))
    }

    @Test(.enabled(if: PythonCheck.isAvailable))
    func canonicalIsPythonsJsonDumps() throws {
        let value = JSONValue.object([
            ("nama", .string("Siti \"Ani\" Ḥasanah\\\u{01}\n\t😀")), ("n", .int(3)), ("ok", .bool(true)),
            ("none", .null),
            (
                "list",
                .array([.string("Ś"), .object([("\u{1F600}", .int(1)), ("\u{FF61}", .int(2)), ("Z", .int(0))])])
            ),
        ])
        let python = try PythonCheck.run(
            """
            import json, sys
            v = json.loads(sys.stdin.buffer.read().decode("utf-8"))
            sys.stdout.buffer.write(json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))
            """, input: value.canonical)
        #expect(python == value.canonical)
    }
}
