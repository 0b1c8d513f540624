package nl.dsrhub.demo;

import java.net.http.HttpResponse;

/** Calls as a SendCloud client makes them: Basic public_key:secret_key, Accept application/json. */
final class SendCloudHttp {

    static final String AUTH = TestHttp.basic(DemoPaymentsAndParcels.SENDCLOUD_PUBLIC_KEY,
            DemoPaymentsAndParcels.SENDCLOUD_SECRET_KEY);

    private SendCloudHttp() {
    }

    static HttpResponse<String> send(String method, String url) {
        return TestHttp.send(method, url, AUTH);
    }
}
