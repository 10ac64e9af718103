package dev.wharf.server.gsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.config.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SigningPolicyParserTest {

    private static SigningPolicy parse(String... lines) {
        return SigningPolicyParser.parse(List.of(lines), "test.signing_policy");
    }

    private static String error(String... lines) {
        return assertThrows(ConfigException.class, () -> parse(lines)).getMessage();
    }

    @Test
    void parsesTheStandardThreeLineBlock() {
        SigningPolicy p = parse(
                "# EACL for the test CA",
                " access_id_CA  X509  '/C=UK/O=eScience/OU=Authority/CN=UK e-Science CA'",
                " pos_rights    globus CA:sign",
                " cond_subjects globus '\"/C=UK/O=eScience/*\" \"/C=UK/O=Other/CN=exact\"'   # trailing comment");
        String ca = "/C=UK/O=eScience/OU=Authority/CN=UK e-Science CA";
        assertTrue(p.permits(ca, "/C=UK/O=eScience/OU=Oxford/CN=Jane Doe"));
        assertTrue(p.permits(ca, "/C=UK/O=Other/CN=exact"));
        assertFalse(p.permits(ca, "/C=UK/O=Other/CN=exactly"));
        assertFalse(p.permits(ca, "/C=DE/O=eScience/CN=x"));
        assertFalse(p.permits("/C=XX/CN=Another CA", "/C=UK/O=eScience/CN=x"));
    }

    @Test
    void matchingIsCaseSensitiveAsInGlobus() {
        SigningPolicy p = parse("access_id_CA X509 '/CN=CA'", "pos_rights globus CA:sign",
                "cond_subjects globus '\"/C=US/*\"'");
        assertTrue(p.permits("/CN=CA", "/C=US/CN=a"));
        assertFalse(p.permits("/CN=CA", "/C=us/CN=a"));
    }

    @Test
    void acceptsUnquotedPatternsAndSeveralBlocks() {
        SigningPolicy p = parse("access_id_CA X509 '/CN=A'", "pos_rights globus CA:sign", "cond_subjects globus '/O=A/*'",
                "access_id_CA X509 '/CN=B'", "pos_rights globus CA:sign", "cond_subjects globus '\"/O=B/*\"'");
        assertTrue(p.permits("/CN=A", "/O=A/CN=x"));
        assertTrue(p.permits("/CN=B", "/O=B/CN=x"));
        assertFalse(p.permits("/CN=A", "/O=B/CN=x"));
    }

    @Test
    void refusesEachMalformedStatementWithItsLine() {
        assertEquals("test.signing_policy:1: pos_rights before any access_id_CA",
                error("pos_rights globus CA:sign"));
        assertEquals("test.signing_policy:3: cond_subjects for '/CN=A' without a preceding 'pos_rights globus"
                + " CA:sign' (block starts on line 1)",
                error("access_id_CA X509 '/CN=A'", "pos_rights globus CA:none", "cond_subjects globus '\"/O=A/*\"'"));
        assertTrue(error("access_id_CA X509 /CN=A").startsWith("test.signing_policy:1: expected one value in single quotes"));
        assertEquals("test.signing_policy:1: expected 'X509' after the statement name", error("access_id_CA X5099 '/CN=A'"));
        assertEquals("test.signing_policy:2: unknown statement 'pos_right'",
                error("access_id_CA X509 '/CN=A'", "pos_right globus CA:sign"));
        assertEquals("test.signing_policy:3: unterminated \" in cond_subjects",
                error("access_id_CA X509 '/CN=A'", "pos_rights globus CA:sign", "cond_subjects globus '\"/O=A/*'"));
        assertEquals("test.signing_policy:1: no access_id_CA block with cond_subjects", error("# only a comment"));
        assertEquals("test.signing_policy:1: neg_rights is not supported", error("neg_rights globus CA:sign"));
    }
}
