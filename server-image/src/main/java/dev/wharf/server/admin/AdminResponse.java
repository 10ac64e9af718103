package dev.wharf.server.admin;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;

/** What the admin endpoint answers to one request: a status, a content type and a body. */
public record AdminResponse(HttpResponseStatus status, String contentType, byte[] body) {

    static final String TEXT = "text/plain; charset=utf-8";
    static final String JSON = "application/json";

    static AdminResponse text(HttpResponseStatus status, String body) {
        return new AdminResponse(status, TEXT, body.getBytes(StandardCharsets.UTF_8));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
