package dev.wharf.server.ftp;

import dev.wharf.server.checksum.FileChecksums;
import dev.wharf.server.ftp.command.Abor;
import dev.wharf.server.ftp.command.Allo;
import dev.wharf.server.ftp.command.Appe;
import dev.wharf.server.ftp.command.Auth;
import dev.wharf.server.ftp.command.Ccc;
import dev.wharf.server.ftp.command.Cksm;
import dev.wharf.server.ftp.command.Cdup;
import dev.wharf.server.ftp.command.Cwd;
import dev.wharf.server.ftp.command.Dele;
import dev.wharf.server.ftp.command.Eprt;
import dev.wharf.server.ftp.command.Epsv;
import dev.wharf.server.ftp.command.Feat;
import dev.wharf.server.ftp.command.Hash;
import dev.wharf.server.ftp.command.Help;
import dev.wharf.server.ftp.command.ListCommand;
import dev.wharf.server.ftp.command.Mdtm;
import dev.wharf.server.ftp.command.Mkd;
import dev.wharf.server.ftp.command.Mlsd;
import dev.wharf.server.ftp.command.Mlst;
import dev.wharf.server.ftp.command.Mode;
import dev.wharf.server.ftp.command.Nlst;
import dev.wharf.server.ftp.command.Noop;
import dev.wharf.server.ftp.command.Opts;
import dev.wharf.server.ftp.command.Pass;
import dev.wharf.server.ftp.command.Pasv;
import dev.wharf.server.ftp.command.Pbsz;
import dev.wharf.server.ftp.command.Port;
import dev.wharf.server.ftp.command.Prot;
import dev.wharf.server.ftp.command.Pwd;
import dev.wharf.server.ftp.command.Quit;
import dev.wharf.server.ftp.command.Rest;
import dev.wharf.server.ftp.command.Retr;
import dev.wharf.server.ftp.command.Rmd;
import dev.wharf.server.ftp.command.Rnfr;
import dev.wharf.server.ftp.command.Rnto;
import dev.wharf.server.ftp.command.Site;
import dev.wharf.server.ftp.command.Size;
import dev.wharf.server.ftp.command.Stat;
import dev.wharf.server.ftp.command.Stor;
import dev.wharf.server.ftp.command.Stou;
import dev.wharf.server.ftp.command.Stru;
import dev.wharf.server.ftp.command.Syst;
import dev.wharf.server.ftp.command.TypeCommand;
import dev.wharf.server.ftp.command.User;

/**
 * The FTP door's command table: every verb with its policy flags, FEAT line and help, readable as
 * data. Columns: verb, command, needs login, served during a transfer, FEAT, HELP. The GridFTP door
 * starts from {@link #builder()} and adds or replaces entries (MODE E, SPAS, SBUF...).
 */
public final class FtpCommands {

    private FtpCommands() {}

    /** The table with a checksum cache of its own (tests; a server's doors share one, see {@link #standard(FileChecksums)}). */
    public static CommandTable standard() {
        return standard(new FileChecksums());
    }

    public static CommandTable standard(FileChecksums checksums) {
        return builder(checksums).build(CommandTable.MANDATORY);
    }

    public static CommandTable.Builder builder() {
        return builder(new FileChecksums());
    }

    /** @param checksums the server's CKSM/HASH cache, shared by its doors */
    public static CommandTable.Builder builder(FileChecksums checksums) {
        CommandTable.Builder b = CommandTable.builder();
        // access control and session
        b.add(spec("USER", new User(), false, false, null, "USER <name>: start a login"));
        b.add(spec("PASS", new Pass(), false, false, null, "PASS <password>: finish a login"));
        b.add(spec("AUTH", new Auth(), false, false, "AUTH TLS", "AUTH TLS: protect the control connection"));
        b.add(spec("PBSZ", new Pbsz(), false, false, "PBSZ", "PBSZ 0: after AUTH TLS"));
        b.add(spec("PROT", new Prot(), false, false, "PROT", "PROT C|P: clear or TLS data connections"));
        b.add(spec("CCC", new Ccc(), false, false, null, "CCC: clear the control connection (if allowed)"));
        b.add(spec("QUIT", new Quit(), false, true, null, "QUIT: end the session"));
        b.add(spec("NOOP", new Noop(), false, true, null, "NOOP: do nothing"));
        b.add(spec("FEAT", new Feat(), false, true, null, "FEAT: list extensions"));
        b.add(spec("HELP", new Help(), false, true, null, "HELP [verb]: this help"));
        b.add(spec("SYST", new Syst(), false, true, null, "SYST: system type"));
        b.add(spec("OPTS", new Opts(), false, false, null, "OPTS UTF8 ON | OPTS MLST facts"));
        b.add(spec("SITE", new Site(), false, false, null, "SITE HELP | SITE CHMOD <mode> <path>"));
        b.add(spec("STAT", new Stat(), true, true, null, "STAT [path]: session status or a listing"));
        b.add(spec("ABOR", new Abor(), true, true, null, "ABOR: abort the running transfer"));
        // navigation and parameters
        b.add(spec("CWD", new Cwd(), true, false, null, "CWD <dir>: change directory"));
        b.add(spec("CDUP", new Cdup(), true, false, null, "CDUP: to the parent directory"));
        b.add(spec("PWD", new Pwd(), true, false, null, "PWD: print the working directory"));
        b.add(spec("TYPE", new TypeCommand(), true, false, null, "TYPE A|I|L 8: transfer type"));
        b.add(spec("MODE", new Mode(), true, false, null, "MODE S: stream mode"));
        b.add(spec("STRU", new Stru(), true, false, null, "STRU F: file structure"));
        b.add(spec("REST", new Rest(), true, false, "REST STREAM", "REST <offset>: restart the next transfer"));
        b.add(spec("ALLO", new Allo(), true, false, null, "ALLO <bytes>: not needed"));
        // data connections
        b.add(spec("PASV", new Pasv(), true, false, null, "PASV: passive data connection"));
        b.add(spec("EPSV", new Epsv(), true, false, "EPSV", "EPSV [1|2|ALL]: extended passive"));
        b.add(spec("PORT", new Port(), true, false, null, "PORT h1,h2,h3,h4,p1,p2: active data connection"));
        b.add(spec("EPRT", new Eprt(), true, false, "EPRT", "EPRT |af|addr|port|: extended active"));
        // transfers and listings
        b.add(spec("RETR", new Retr(), true, false, null, "RETR <file>: download"));
        b.add(spec("STOR", new Stor(), true, false, null, "STOR <file>: upload (atomic)"));
        b.add(spec("APPE", new Appe(), true, false, null, "APPE <file>: append"));
        b.add(spec("STOU", new Stou(), true, false, null, "STOU [name]: upload under a unique name"));
        b.add(spec("LIST", new ListCommand(), true, false, null, "LIST [path]: long listing"));
        b.add(spec("NLST", new Nlst(), true, false, null, "NLST [path]: names"));
        b.add(spec("MLSD", new Mlsd(), true, false, null, "MLSD [dir]: machine listing"));
        b.add(spec("MLST", new Mlst(), true, false, null, "MLST [path]: machine facts of one entry"));
        b.add(spec("SIZE", new Size(), true, false, "SIZE", "SIZE <file>: size in bytes"));
        b.add(spec("MDTM", new Mdtm(), true, false, "MDTM", "MDTM <file>: modification time"));
        b.add(spec("CKSM", new Cksm(checksums), true, false, Cksm.feature(),
                "CKSM <ADLER32|MD5|CRC32> <offset> <length|-1> <path>: checksum of a file range"));
        b.add(spec("HASH", new Hash(checksums), true, false, Hash.FEATURE, "HASH <file>: hash by OPTS HASH's algorithm"));
        // names
        b.add(spec("DELE", new Dele(), true, false, null, "DELE <file>: delete a file"));
        b.add(spec("MKD", new Mkd(), true, false, null, "MKD <dir>: make a directory"));
        b.add(spec("RMD", new Rmd(), true, false, null, "RMD <dir>: remove an empty directory"));
        b.add(spec("RNFR", new Rnfr(), true, false, null, "RNFR <old>: rename from"));
        b.add(spec("RNTO", new Rnto(), true, false, null, "RNTO <new>: rename to"));
        // RFC 775 aliases some old clients still send
        b.alias("XPWD", "PWD").alias("XCWD", "CWD").alias("XCUP", "CDUP").alias("XMKD", "MKD").alias("XRMD", "RMD");
        return b;
    }

    private static CommandSpec spec(String verb, FtpCommand command, boolean login, boolean duringTransfer,
                                    String feature, String help) {
        return new CommandSpec(verb, command, login, duringTransfer, feature, help);
    }
}
