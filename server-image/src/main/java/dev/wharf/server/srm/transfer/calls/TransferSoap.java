package dev.wharf.server.srm.transfer.calls;

import dev.wharf.server.fs.StorageException;
import dev.wharf.server.fs.VirtualPaths;
import dev.wharf.server.srm.Jaxb;
import dev.wharf.server.srm.SrmException;
import dev.wharf.server.srm.SrmStatus;
import dev.wharf.server.srm.Surls;
import dev.wharf.server.srm.transfer.FileView;
import dev.wharf.server.srm.transfer.RequestView;
import dev.wharf.server.srm.transfer.SurlResults;
import dev.wharf.server.srm.transfer.TransferService.Target;
import dev.wharf.server.srm.v22.ArrayOfAnyURI;
import dev.wharf.server.srm.v22.ArrayOfString;
import dev.wharf.server.srm.v22.ArrayOfTGetRequestFileStatus;
import dev.wharf.server.srm.v22.ArrayOfTPutRequestFileStatus;
import dev.wharf.server.srm.v22.ArrayOfTSURLReturnStatus;
import dev.wharf.server.srm.v22.ObjectFactory;
import dev.wharf.server.srm.v22.TGetRequestFileStatus;
import dev.wharf.server.srm.v22.TPutRequestFileStatus;
import dev.wharf.server.srm.v22.TReturnStatus;
import dev.wharf.server.srm.v22.TSURLReturnStatus;
import dev.wharf.server.srm.v22.TStatusCode;
import dev.wharf.server.srm.v22.TTransferParameters;
import jakarta.xml.bind.JAXBElement;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Between the generated SRM types and the transfer service's plain values: SURLs to jail paths,
 * protocol lists and lifetimes out of requests; request views and SURL results into the per-file
 * status arrays of the responses. Pure functions, shared by the eight transfer operations.
 */
final class TransferSoap {

    static final ObjectFactory F = new ObjectFactory();

    private TransferSoap() {}

    /** Each SURL with its normalised jail path, or why it names nothing here (that file fails alone). */
    static List<Target> targets(List<String> surls) throws SrmException {
        if (surls.isEmpty()) {
            throw new SrmException(TStatusCode.SRM_INVALID_REQUEST, "the request names no file");
        }
        if (surls.size() > Jaxb.MAX_SURLS) {
            throw new SrmException(TStatusCode.SRM_INVALID_REQUEST, "more than " + Jaxb.MAX_SURLS + " SURLs in one request");
        }
        List<Target> targets = new ArrayList<>();
        for (String surl : surls) {
            try {
                targets.add(Target.of(surl, VirtualPaths.resolve("/", Surls.path(surl))));
            } catch (SrmException e) {
                targets.add(Target.invalid(surl, e.status(), e.getMessage()));
            } catch (StorageException e) {
                targets.add(Target.invalid(surl, SrmStatus.code(e.reason()), e.getMessage()));
            }
        }
        return targets;
    }

    /** The SURLs of an optional array (null: every file of the request). */
    static List<String> surls(ArrayOfAnyURI array) {
        return array == null ? null : array.getUrlArray();
    }

    static List<String> protocols(JAXBElement<TTransferParameters> parameters) {
        TTransferParameters p = Jaxb.value(parameters);
        ArrayOfString names = p == null ? null : Jaxb.value(p.getArrayOfTransferProtocols());
        return names == null ? List.of() : names.getStringArray();
    }

    /**
     * The lifetime a client asks for: the longer of {@code desiredTotalRequestTime} and
     * {@code desiredPinLifeTime} (the request must live until its TURLs are used); null when neither is given.
     */
    static Long lifetime(JAXBElement<Integer> total, JAXBElement<Integer> pin) {
        Integer t = Jaxb.value(total);
        Integer p = Jaxb.value(pin);
        long longest = Math.max(t == null ? 0 : t, p == null ? 0 : p);
        return longest > 0 ? longest : null;
    }

    static TReturnStatus status(TStatusCode code, String explanation) {
        return SrmStatus.of(code, explanation == null || explanation.isEmpty() ? null : explanation);
    }

    static Integer seconds(long value) {
        return (int) Math.min(Integer.MAX_VALUE, value);
    }

    static ArrayOfTGetRequestFileStatus getStatuses(RequestView view) {
        ArrayOfTGetRequestFileStatus array = new ArrayOfTGetRequestFileStatus();
        for (FileView f : view.files()) {
            TGetRequestFileStatus s = new TGetRequestFileStatus();
            s.setSourceSURL(f.surl());
            s.setStatus(status(f.status(), f.explanation()));
            if (f.size() >= 0) {
                s.setFileSize(F.createTGetRequestFileStatusFileSize(BigInteger.valueOf(f.size())));
            }
            if (f.turl() != null) {
                s.setTransferURL(F.createTGetRequestFileStatusTransferURL(f.turl().toASCIIString()));
                s.setRemainingPinTime(F.createTGetRequestFileStatusRemainingPinTime(seconds(f.remainingSeconds())));
            }
            if (f.pending()) {
                s.setEstimatedWaitTime(F.createTGetRequestFileStatusEstimatedWaitTime(1));
            }
            array.getStatusArray().add(s);
        }
        return array;
    }

    static ArrayOfTPutRequestFileStatus putStatuses(RequestView view) {
        ArrayOfTPutRequestFileStatus array = new ArrayOfTPutRequestFileStatus();
        for (FileView f : view.files()) {
            TPutRequestFileStatus s = new TPutRequestFileStatus();
            s.setSURL(f.surl());
            s.setStatus(status(f.status(), f.explanation()));
            if (f.turl() != null) {
                s.setTransferURL(F.createTPutRequestFileStatusTransferURL(f.turl().toASCIIString()));
                s.setRemainingPinLifetime(F.createTPutRequestFileStatusRemainingPinLifetime(seconds(f.remainingSeconds())));
            }
            if (f.pending()) {
                s.setEstimatedWaitTime(F.createTPutRequestFileStatusEstimatedWaitTime(1));
            }
            array.getStatusArray().add(s);
        }
        return array;
    }

    static ArrayOfTSURLReturnStatus surlStatuses(SurlResults results) {
        ArrayOfTSURLReturnStatus array = new ArrayOfTSURLReturnStatus();
        results.files().forEach(r -> {
            TSURLReturnStatus s = new TSURLReturnStatus();
            s.setSurl(r.surl());
            s.setStatus(status(r.status(), r.explanation()));
            array.getStatusArray().add(s);
        });
        return array;
    }
}
