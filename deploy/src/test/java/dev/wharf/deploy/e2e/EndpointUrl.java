package dev.wharf.deploy.e2e;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/**
 * One endpoint a TransferServer advertises in {@code status.endpoints[].url}, e.g.
 * {@code gsiftp://node-a.example:2811}. The port is always explicit in what the operator writes; a URL
 * without one gets the scheme's conventional port.
 */
public record EndpointUrl(String scheme, String host, int port) {
    private static final Map<String, Integer> DEFAULT_PORTS =
            Map.of("ftp", 21, "ftps", 990, "gsiftp", 2811, "dcap", 22125, "gsidcap", 22128);

    public EndpointUrl {
        if (!DEFAULT_PORTS.containsKey(scheme)) {
            throw new IllegalArgumentException("unknown endpoint scheme '" + scheme + "' (expected one of "
                    + DEFAULT_PORTS.keySet().stream().sorted().toList() + ")");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("endpoint without a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("endpoint port out of range: " + port);
        }
    }

    public static EndpointUrl parse(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: '" + url + "'", e);
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("endpoint URL needs scheme://host[:port]: '" + url + "'");
        }
        String path = uri.getRawPath();
        if (uri.getUserInfo() != null || (path != null && !path.isEmpty() && !path.equals("/")) || uri.getQuery() != null) {
            throw new IllegalArgumentException("endpoint URL must be scheme://host[:port] only: '" + url + "'");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() == -1 ? DEFAULT_PORTS.getOrDefault(scheme, -1) : uri.getPort();
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new EndpointUrl(scheme, host, port);
    }

    public EndpointUrl withHost(String newHost) {
        return new EndpointUrl(scheme, newHost, port);
    }

    /** A URL for one file on this endpoint, with credentials for the FTP-family clients (curl, globus-url-copy). */
    public String fileUrl(String user, String password, String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        String auth = user == null ? "" : user + (password == null ? "" : ":" + password) + "@";
        String h = host.contains(":") ? "[" + host + "]" : host;
        return scheme + "://" + auth + h + ":" + port + p;
    }

    @Override
    public String toString() {
        return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
