package dev.wharf.server.cli;

import dev.wharf.server.Door;
import dev.wharf.server.WharfServer;
import dev.wharf.server.admin.AdminEndpoint;
import dev.wharf.server.ftp.FtpSettings;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** What the quick start prints once the demo server is up: where it listens and how to connect. */
final class DemoBanner {

    private DemoBanner() {}

    static String render(DemoSetup.Demo demo, WharfServer server) {
        String admin = "http://" + AdminEndpoint.hostPort(server.admin().localAddress());
        List<String> out = new ArrayList<>();
        out.add("");
        out.add("Wharf demo server is running (Ctrl-C stops it). Files and settings: " + demo.dir());
        out.add("  user      demo, password " + demo.password() + "  (jailed in " + demo.data() + ")");
        out.add("  anonymous read-only, in " + demo.pub());
        out.add("  admin     " + admin + "/status   " + admin + "/metrics");
        Door ftp = server.doors().stream().filter(d -> d.name().equals("ftp")).findFirst().orElse(null);
        if (ftp == null) {
            out.add("  (this build has no FTP door yet: only the admin endpoint is serving)");
        } else {
            String url = "ftp://" + AdminEndpoint.hostPort(ftp.localAddress()) + "/";
            String user = "demo:" + demo.password();
            InetAddress data = FtpSettings.plain(server.context().config()).dataInterface();
            boolean separateData = !data.equals(ftp.localAddress().getAddress());
            // curl >= 7.74 connects to the control address whatever PASV says: tell it to use the data interface
            String curl = separateData ? "curl --no-ftp-skip-pasv-ip" : "curl";
            out.add("  FTP       " + url + "  (AUTH TLS with a self-signed certificate)");
            if (separateData) {
                out.add("  data      connections go to " + data.getHostAddress() + " (data.interface), not the control address:");
                out.add("            tell curl --no-ftp-skip-pasv-ip, Python ftplib trust_server_pasv_ipv4_address = True");
            }
            out.add("");
            out.add("Try:");
            out.add("  " + curl + " -u " + user + " " + url + "                     # list your files");
            out.add("  " + curl + " -u " + user + " " + url + "hello.txt            # download");
            out.add("  " + curl + " -u " + user + " -T /etc/hostname " + url + "     # upload");
            out.add("  " + curl + " --ssl-reqd -k -u " + user + " " + url + "hello.txt   # the same over TLS");
            out.add("  " + curl + " " + url + "README.txt                        # anonymous");
            out.add("  lftp -u demo," + demo.password() + " -e 'set ssl:verify-certificate no; ls; bye' " + url);
        }
        out.add("  curl " + admin + "/readyz");
        out.add("");
        return String.join(System.lineSeparator(), out);
    }
}
