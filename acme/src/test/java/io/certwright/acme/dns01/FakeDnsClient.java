package io.certwright.acme.dns01;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A {@link DnsClient} that returns canned responses per (server, name, type) and fails every query a test
 * did not set up. Records every query it receives.
 */
final class FakeDnsClient implements DnsClient {
    record Query(HostPort server, Name name, int type, boolean recursionDesired) {
        @Override
        public String toString() {
            return server + " " + name + " " + Type.string(type) + (recursionDesired ? " +rd" : " -rd");
        }
    }

    private record Key(HostPort server, Name name, int type) {
    }

    private final Map<Key, Message> responses = new HashMap<>();
    private final List<Query> queries = new ArrayList<>();

    /** Sets the response to {@code name}/{@code type} on {@code server}: {@code rcode} and the answer records. */
    FakeDnsClient respond(HostPort server, String name, int type, int rcode, Record... answers) {
        Message message = new Message();
        message.getHeader().setRcode(rcode);
        Name query = name(name);
        message.addRecord(Record.newRecord(query, type, DClass.IN), Section.QUESTION);
        for (Record answer : answers) {
            message.addRecord(answer, Section.ANSWER);
        }
        responses.put(new Key(server, query, type), message);
        return this;
    }

    FakeDnsClient nxdomain(HostPort server, String name, int type) {
        return respond(server, name, type, Rcode.NXDOMAIN);
    }

    List<Query> queries() {
        return queries;
    }

    @Override
    public synchronized Message query(HostPort server, Name name, int type, boolean recursionDesired)
            throws IOException {
        queries.add(new Query(server, name, type, recursionDesired));
        Message response = responses.get(new Key(server, name, type));
        if (response == null) {
            throw new AssertionError("unexpected DNS query " + new Query(server, name, type, recursionDesired)
                    + "; queries so far: " + queries);
        }
        return response;
    }

    static Name name(String text) {
        try {
            return Name.fromString(text, Name.root);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
