package org.kindred.support.mail;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.JMException;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.ObjectName;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * One real SMTP server (GreenMail) per test JVM, which the application sends its mail to. Quarkus loads test classes
 * in a new class loader for every application restart, so static fields would start a server per loader. Instead the
 * port is a system property and the inbox is read through a platform MBean (JDK types only), so every loader finds
 * the same server. (A non-String system property would break libraries that copy the system properties.)
 */
public final class TestMailServer {

    static final String PORT_PROPERTY = "kindred.test.smtp-port";
    private static final String INBOX_MBEAN = "org.kindred.test:type=TestMailServer";
    private static final Pattern TOKEN = Pattern.compile("token=(k[a-z]{2}_[A-Za-z0-9_-]{43})");

    private TestMailServer() {
    }

    /** A received mail: its subject and plain text. */
    public record Mail(String subject, String text) {

        /** The token of the link in the mail. */
        public String token() {
            Matcher m = TOKEN.matcher(text);
            if (!m.find()) {
                throw new AssertionError("No link with a token in the mail '" + subject + "'");
            }
            return m.group(1);
        }

        public boolean hasLink() {
            return TOKEN.matcher(text).find();
        }
    }

    /** The SMTP port, starting the server on first use. */
    public static int port() {
        synchronized (System.getProperties()) {
            String port = System.getProperty(PORT_PROPERTY);
            if (port == null) {
                port = Integer.toString(start());
                System.setProperty(PORT_PROPERTY, port);
            }
            return Integer.parseInt(port);
        }
    }

    /**
     * Every mail received for {@code address} so far, oldest first. A mail delivered twice (the sender retries a send
     * whose answer timed out on a loaded machine, and the server had taken it) counts once: two sends of one link or
     * notice carry the same subject and text, while two mails the API meant to send always differ (a new token).
     */
    public static List<Mail> mailsTo(String address) {
        port();
        try {
            String[][] mails = (String[][]) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName(INBOX_MBEAN), "mailsTo", new Object[]{address.toLowerCase()},
                    new String[]{String.class.getName()});
            return Arrays.stream(mails).map(m -> new Mail(m[0], m[1])).distinct().toList();
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (up to 10 s) until {@code address} has received {@code n} mails, and returns the n-th (1-based). */
    public static Mail awaitNth(String address, int n) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<Mail> mails = mailsTo(address);
        while (mails.size() < n && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            mails = mailsTo(address);
        }
        if (mails.size() < n) {
            throw new AssertionError("Expected " + n + " mail(s) to the address, got " + mails.size());
        }
        return mails.get(n - 1);
    }

    /** The first mail to {@code address}. */
    public static Mail await(String address) {
        return awaitNth(address, 1);
    }

    /** The inbox as a dynamic MBean with one operation, {@code mailsTo(String)}, answering {subject, text} pairs. */
    private static final class InboxMBean implements DynamicMBean {

        private final Function<String, List<String[]>> inbox;

        InboxMBean(Function<String, List<String[]>> inbox) {
            this.inbox = inbox;
        }

        @Override
        public Object invoke(String action, Object[] params, String[] signature) {
            return inbox.apply((String) params[0]).toArray(new String[0][]);
        }

        @Override
        public MBeanInfo getMBeanInfo() {
            MBeanOperationInfo mailsTo = new MBeanOperationInfo("mailsTo", "mails received for an address",
                    new MBeanParameterInfo[]{new MBeanParameterInfo("address", String.class.getName(), "")},
                    String[][].class.getName(), MBeanOperationInfo.INFO);
            return new MBeanInfo(getClass().getName(), "test inbox", null, null,
                    new MBeanOperationInfo[]{mailsTo}, null);
        }

        @Override
        public Object getAttribute(String attribute) throws AttributeNotFoundException {
            throw new AttributeNotFoundException(attribute);
        }

        @Override
        public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
            throw new AttributeNotFoundException(attribute.getName());
        }

        @Override
        public AttributeList getAttributes(String[] attributes) {
            return new AttributeList();
        }

        @Override
        public AttributeList setAttributes(AttributeList attributes) {
            return new AttributeList();
        }
    }

    private static int start() {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        Function<String, List<String[]>> inbox = address -> {
            List<String[]> found = new ArrayList<>();
            for (MimeMessage message : server.getReceivedMessages()) {
                try {
                    for (Address to : message.getAllRecipients()) {
                        if (to.toString().toLowerCase().contains(address)) {
                            found.add(new String[]{message.getSubject(), GreenMailUtil.getBody(message)});
                            break;
                        }
                    }
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }
            return found;
        };
        try {
            ManagementFactory.getPlatformMBeanServer().registerMBean(new InboxMBean(inbox),
                    new ObjectName(INBOX_MBEAN));
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
        return server.getSmtp().getPort();
    }
}
