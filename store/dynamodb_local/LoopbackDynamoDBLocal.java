// Starts DynamoDB Local listening on 127.0.0.1 only.
//
// DynamoDB Local has no bind option: its DynamoDBProxyServer builds a Jetty Server(port),
// whose connector listens on every interface. This launcher builds the server exactly as
// the jar's own main does (same command-line arguments), sets the connector's host to the
// loopback address before starting it, and refuses to start when that cannot be done.
//
// Built with: javac --release 17 -cp DynamoDBLocal.jar:DynamoDBLocal_lib/* LoopbackDynamoDBLocal.java
// (store/embedded.py runs the committed class; tests/api/test_embedded_bind.py rebuilds it when
// javac is present and checks it against the committed one).

import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

public final class LoopbackDynamoDBLocal {
    private static final String LOOPBACK = "127.0.0.1";

    public static void main(String[] args) throws Exception {
        DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        Server server = (Server) field.get(proxy);
        Connector[] connectors = server.getConnectors();
        if (connectors.length == 0) {
            throw new IllegalStateException("DynamoDB Local built no connector: refusing to start");
        }
        for (Connector connector : connectors) {
            if (!(connector instanceof ServerConnector)) {
                throw new IllegalStateException("unexpected connector " + connector.getClass() + ": refusing to start");
            }
            ((ServerConnector) connector).setHost(LOOPBACK);
        }
        proxy.start();
        System.out.println("DynamoDB Local listening on " + LOOPBACK + " only");
    }
}
